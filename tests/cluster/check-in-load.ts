/**
 * Citizens checking in through the balancer with retrying clients, as the check-in page does: a
 * request that fails (cut connection, 5xx, timeout) is sent again with the same clientId until it is
 * acknowledged. Answers every acknowledged clientId with the check-in id the server gave it.
 */
import { randomUUID } from 'node:crypto';

const TIMEOUT_MS = 5000;
const RETRY_AFTER_MS = 200;
/** After the load, a client still retrying has this long to get its answer. */
const GRACE_MS = 15_000;

export async function checkInsUnderLoad(
  baseUrl: string,
  venueCode: string,
  opts: { clients: number; seconds: number },
) {
  const acknowledged = new Map<string, string>();
  let retried = 0;
  const until = Date.now() + opts.seconds * 1000;
  const client = async (n: number) => {
    for (let i = 0; Date.now() < until; i++) {
      const body = JSON.stringify({
        venueCode,
        clientId: randomUUID(),
        channel: 'qr_self',
        person: { fullName: `Người thử ${n}-${i}`, phone: `09${String(n * 1_000_000 + i).padStart(8, '0')}` },
      });
      for (let attempt = 0; ; attempt++) {
        if (Date.now() > until + GRACE_MS) throw new Error('a check-in was never acknowledged');
        if (attempt) retried += 1;
        const answer = await post(`${baseUrl}/api/check-ins`, body);
        if (answer) {
          acknowledged.set(JSON.parse(body).clientId as string, answer.id);
          break;
        }
        await new Promise((r) => setTimeout(r, RETRY_AFTER_MS));
      }
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, (_, n) => client(n)));
  return { acknowledged, retried };
}

/** The check-in's answer when acknowledged (201, or 200 for a retry), else null (to be retried). */
async function post(url: string, body: string): Promise<{ id: string } | null> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const answer = (await res.json()) as { id: string };
    if (res.status === 200 || res.status === 201) return answer;
    if (res.status >= 500 || res.status === 429) return null;
    throw new Error(`check-in refused: ${res.status} ${JSON.stringify(answer)}`);
  } catch (err) {
    if ((err as Error).message.startsWith('check-in refused')) throw err;
    return null;
  }
}
