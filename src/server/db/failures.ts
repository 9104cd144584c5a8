/**
 * When the database cannot answer (down, stalled, out of connections, shutting down, out of disk, a
 * time limit passed), both engines throw DatabaseUnavailableError; HTTP answers it with 503
 * `database_unavailable` and `Retry-After`. Every other database error (a constraint, a bug) stays as is.
 */
export class DatabaseUnavailableError extends Error {
  constructor(
    /** What went wrong, for the log: "timeout", "too many clients", the driver's message… */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`database unavailable: ${reason}`, options);
    this.name = 'DatabaseUnavailableError';
  }
}

/** SQLSTATEs that mean "not now" rather than "wrong": connection, resources, shutdown, cancel. */
const UNAVAILABLE_STATES: Record<string, string> = {
  '53100': 'disk full',
  '53200': 'out of memory',
  '53300': 'too many connections',
  '53400': 'configuration limit exceeded',
  '57014': 'statement timeout',
  '57P01': 'administrator shutdown',
  '57P02': 'crash shutdown',
  '57P03': 'cannot connect now',
  '57P05': 'idle session timeout',
};

/** Network errors of the driver's socket. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

/** node-postgres reports these conditions only in its messages. */
const DRIVER_MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /query read timeout/i,
  /not queryable/i,
  /connection (is )?closed/i,
];

/** The error as a DatabaseUnavailableError when it means the database cannot answer now, else null. */
export function unavailability(err: unknown): DatabaseUnavailableError | null {
  if (err instanceof DatabaseUnavailableError) return err;
  if (!(err instanceof Error)) return null;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (UNAVAILABLE_STATES[code])
      return new DatabaseUnavailableError(UNAVAILABLE_STATES[code], { cause: err });
    if (code.startsWith('08')) return new DatabaseUnavailableError('connection failure', { cause: err });
    if (NETWORK_CODES.has(code)) return new DatabaseUnavailableError(code, { cause: err });
  }
  if (DRIVER_MESSAGES.some((re) => re.test(err.message))) {
    return new DatabaseUnavailableError(err.message, { cause: err });
  }
  return null;
}

/** Rethrows `err` as DatabaseUnavailableError when it is one (see unavailability), else as is. */
export function rethrowClassified(err: unknown): never {
  throw unavailability(err) ?? err;
}

/**
 * Rejects with DatabaseUnavailableError when `work` has not settled after `ms` (0 = no limit). The
 * work itself goes on; `onTimeout` runs once so the caller can give up its connection.
 */
export function withTimeLimit<T>(work: Promise<T>, ms: number, what: string, onTimeout?: () => void) {
  if (!ms) return work;
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new DatabaseUnavailableError(`${what} did not answer within ${ms} ms`));
    }, ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}
