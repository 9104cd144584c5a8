/**
 * The SMS gateway interface (F10 reminders, F13 notices). A province plugs in its carrier's gateway by
 * implementing `SmsGateway`; the default only logs the message and records it in sms_messages.
 */
import { insertSms } from '../db/queries/compliance.js';
import type { Queryable } from '../db/db.js';

export interface SmsGateway {
  readonly name: string;
  /** Hands one message to the carrier; answers whether it went out. Must not throw for a bad number. */
  send(phone: string, body: string): Promise<'sent' | 'failed' | 'logged'>;
}

export function loggingSmsGateway(log: (line: string) => void = (line) => console.log(line)): SmsGateway {
  return {
    name: 'log',
    async send(phone, body) {
      log(`[sms:log] to ${phone.slice(0, 4)}****${phone.slice(-2)}: ${body}`);
      return 'logged';
    },
  };
}

/** Sends through the gateway and keeps a record of what was sent, for whom and why. */
export async function sendSms(
  q: Queryable,
  gateway: SmsGateway,
  phone: string,
  body: string,
  purpose: string,
) {
  let status: 'sent' | 'failed' | 'logged';
  try {
    status = await gateway.send(phone, body);
  } catch {
    status = 'failed';
  }
  await insertSms(q, { phone, body, purpose, gateway: gateway.name, status });
  return status;
}
