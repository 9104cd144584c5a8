/**
 * Configuration, read once from the environment at start. Every invalid variable is reported and the
 * process exits 1; nothing else in the code reads process.env.
 */
import { z } from 'zod';

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const ConfigSchema = z
  .object({
    PORT: positiveInt(3000),
    HOST: z.string().default('0.0.0.0'),
    PUBLIC_URL: z.url().optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
      .optional(),
    DATA_DIR: z.string().default('./data'),
    TZ_REGION: z.string().default('Asia/Ho_Chi_Minh').refine(isKnownTimeZone, 'unknown time zone'),
    ADMIN_USERNAME: z.string().min(1).optional(),
    ADMIN_PASSWORD: z.string().min(8).optional(),
    /** Base64 HMAC key for venue codes and checkout tokens; generated and kept in the database when absent. */
    QR_SIGNING_KEY: z
      .string()
      .refine((s) => Buffer.from(s, 'base64').length >= 32, 'must be at least 32 bytes, base64')
      .optional(),
    /** Version of the admin-unit list that new venues and accounts use. */
    ADMIN_UNITS_VERSION: z.string().default('vn-gso-2021'),
    /** A stay without check-out ends this many minutes after check-in (F4 default 4 h). */
    DEFAULT_STAY_MINUTES: positiveInt(240).refine((n) => n <= 24 * 60, 'at most 1440'),
    /** Days check-ins and declarations are kept (F15 default 21). */
    RETENTION_DAYS: positiveInt(21),
    /** Public check-in and declaration writes allowed per minute from one address (carrier NAT). */
    RATE_LIMIT_PUBLIC_PER_MINUTE: positiveInt(6000).refine((n) => n >= 3000, 'at least 3000 (API.md)'),
    /** Login attempts allowed per minute from one address. */
    RATE_LIMIT_LOGIN_PER_MINUTE: positiveInt(20),
    /** Failed logins for one username within 15 minutes before it is locked for 15 minutes. */
    LOGIN_MAX_FAILURES: positiveInt(10),
    SESSION_HOURS: positiveInt(12),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .transform((env) => ({
    port: env.PORT,
    host: env.HOST,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    timeZone: env.TZ_REGION,
    admin:
      env.ADMIN_USERNAME && env.ADMIN_PASSWORD
        ? { username: env.ADMIN_USERNAME, password: env.ADMIN_PASSWORD }
        : undefined,
    signingKey: env.QR_SIGNING_KEY ? Buffer.from(env.QR_SIGNING_KEY, 'base64') : undefined,
    adminUnitsVersion: env.ADMIN_UNITS_VERSION,
    defaultStayMinutes: env.DEFAULT_STAY_MINUTES,
    retentionDays: env.RETENTION_DAYS,
    rateLimits: {
      publicPerMinute: env.RATE_LIMIT_PUBLIC_PER_MINUTE,
      loginPerMinute: env.RATE_LIMIT_LOGIN_PER_MINUTE,
      loginMaxFailures: env.LOGIN_MAX_FAILURES,
    },
    sessionHours: env.SESSION_HOURS,
    logLevel: env.LOG_LEVEL,
  }));

export type Config = z.output<typeof ConfigSchema>;

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
}

function isKnownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}
