import { hash, verify, type Options } from '@node-rs/argon2';

/** Argon2id at OWASP's minimum (19 MiB, 2 passes, 1 lane): ~20–30 ms a hash or check here. */
export const PASSWORD_HASH_COST: Readonly<Options> = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

let cost: Readonly<Options> = PASSWORD_HASH_COST;

/**
 * For the route tests only (tests/support/app.ts), which create and log in hundreds of accounts in one
 * process: hashes made afterwards cost 64 KiB and one pass. A check uses the cost written in the hash
 * it checks, so hashes made before (the dummy one below) keep theirs.
 */
export function useCheapPasswordHashesInTests() {
  cost = { memoryCost: 64, timeCost: 1, parallelism: 1 };
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, cost);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this keeps "no such user" as slow as "wrong password". */
export const DUMMY_HASH = await hashPassword('not-a-real-password');
