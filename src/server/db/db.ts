/**
 * One database interface over both engines: embedded PGlite (default) and a PostgreSQL server.
 * Same SQL dialect, same migrations; callers never know which one they talk to.
 */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  /**
   * `prepare` names a hot statement, parsed once: on PostgreSQL a named prepared statement per
   * connection (planned as PostgreSQL chooses, see TxOptions.genericPlans); PGlite PREPAREs it once
   * and always runs its generic plan.
   */
  query<T = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
    prepare?: string,
  ): Promise<QueryResult<T>>;
  /** Runs several statements (no parameters), e.g. a migration file. */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction; commits when it resolves, rolls back when it throws. */
  tx<T>(fn: (q: Queryable) => Promise<T>, options?: TxOptions): Promise<T>;
  /**
   * Runs `fn`'s named reads with their generic plans (see TxOptions.genericPlans): on PostgreSQL on a
   * small pool of connections opened with `plan_cache_mode=force_generic_plan`, on PGlite as they are
   * (its prepared statements always run the generic plan). For a hot read of day partitions whose
   * values make PostgreSQL plan each call: the door's list of a quiet venue cost 0.9 ms of PostgreSQL's
   * CPU planned each call, ≈ 0.2 ms with the generic plan.
   */
  readsWithGenericPlans<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /** Bulk-loads rows with COPY (text format). Values are written with String(); null is NULL. */
  copyRows(table: string, columns: string[], rows: Iterable<unknown[]>): Promise<void>;
  /**
   * The same database without the per-call time limit, for work that may rightly take long
   * (migrations, retention, nightly jobs). Requests use the limited handle: a database that does not
   * answer in time is DatabaseUnavailableError (503), never a hang.
   */
  withoutTimeLimit(): Db;
  /** How the connection pool is used now (PostgreSQL); absent on the embedded database. */
  poolUse?: () => PoolUse;
  close(): Promise<void>;
}

export interface TxOptions {
  /**
   * PostgreSQL: the named (`prepare`) statements of the transaction run their generic plan, made once
   * per connection, whose day partitions are pruned as it starts. For reads over many day partitions,
   * where choosing partitions and indexes for each call's values costs more than the read itself
   * (two weeks of one phone's stays: 1.3 ms planned each time, 0.15 ms with the generic plan), and
   * where PostgreSQL's own choice keeps planning each call (it cannot price the pruning at start).
   * An unnamed statement would then get a generic plan made for that one call: name every statement
   * that reads partitions in such a transaction. PGlite ignores it (one session, statements unnamed
   * inside transactions).
   */
  genericPlans?: boolean;
}

export interface PoolUse {
  total: number;
  idle: number;
  waiting: number;
  max: number;
}

/** COPY text format: tab-separated, `\N` for NULL, backslash escapes. */
export function toCopyText(rows: Iterable<unknown[]>): string {
  const lines: string[] = [];
  for (const row of rows) {
    lines.push(row.map(copyField).join('\t'));
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

function copyField(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = value instanceof Date ? value.toISOString() : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** The parameters of an `unnest($1::…[], $2::…[], …)` insert: one array per column, in `keys` order. */
export function columnArrays<T, K extends keyof T>(rows: readonly T[], keys: readonly K[]): unknown[][] {
  return keys.map((key) => rows.map((row) => row[key]));
}

/** The server setting under which named statements run their generic plan (TxOptions.genericPlans). */
export const GENERIC_PLAN_SETTING = { name: 'plan_cache_mode', value: 'force_generic_plan' } as const;
/** GENERIC_PLAN_SETTING until the end of the current transaction. */
export const GENERIC_PLANS_IN_TRANSACTION = `SET LOCAL ${GENERIC_PLAN_SETTING.name} = ${GENERIC_PLAN_SETTING.value}`;

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe identifier ${name}`);
  return `"${name}"`;
}

/** PostgreSQL's unique_violation (both engines report the SQLSTATE as `code`). */
export function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string } | null)?.code === '23505';
}
