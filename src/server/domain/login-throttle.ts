/**
 * How repeated wrong passwords are slowed (F14, API v1.1). Nothing locks an account: a lock-out
 * would let anyone lock out anyone, the national admin included.
 * - The address that guesses is stopped: after `maxFailures` failures within the window it gets 429
 *   until the oldest of them leaves the window.
 * - Guesses at one account are slowed: after a few failures on it (from any address), an attempt from
 *   an address that never logged in to it successfully waits a delay that doubles with each failure,
 *   up to a cap. The right password still works, from the owner's known address at once.
 */

/** Failures are counted over this window. */
export const LOGIN_WINDOW_MS = 15 * 60_000;
/** An address that logged in to an account within this period is that account's known address. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 3_600_000;
/** Failures on an account before attempts from unknown addresses start to wait. */
const FREE_FAILURES = 3;
const FIRST_DELAY_MS = 250;

export interface LoginHistory {
  /** Failures from this address within the window (any account). */
  addressFailures: number;
  oldestAddressFailureAt: Date | null;
  /** Failures on this account within the window (any address). */
  accountFailures: number;
  /** This address logged in to this account successfully within KNOWN_ADDRESS_MS. */
  knownAddress: boolean;
}

/** Seconds the address must wait before trying again, or null when it may try now. */
export function addressRetryAfterSeconds(h: LoginHistory, maxFailures: number, now: Date): number | null {
  if (h.addressFailures < maxFailures || !h.oldestAddressFailureAt) return null;
  const until = h.oldestAddressFailureAt.getTime() + LOGIN_WINDOW_MS;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

/** Milliseconds this attempt waits before the password is checked. */
export function accountDelayMs(h: LoginHistory, capMs: number): number {
  if (h.knownAddress || h.accountFailures < FREE_FAILURES) return 0;
  return Math.min(capMs, FIRST_DELAY_MS * 2 ** (h.accountFailures - FREE_FAILURES));
}
