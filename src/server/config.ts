/**
 * Configuration, read once from the environment at start. Every invalid variable is reported and the
 * process exits 1; nothing else in the code reads process.env.
 */
import { DEFAULT_TIME_ZONE } from '../shared/region.js';
import { isIP } from 'node:net';
import { z } from 'zod';

/** A phone number as printed on a poster: `1900 9095`, `024.3998.5765`, `+84 24 3998 5765`. */
const HOTLINE = /^\+?[0-9][0-9 .-]{2,18}[0-9]$/;

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
    /**
     * A streaming replica (API v1.1) that statistics, per-venue tables, reports and exports read from;
     * everything that must see its own writes stays on DATABASE_URL. Needs DATABASE_URL.
     */
    READ_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
      .optional(),
    /** A replica further behind the primary than this is not read from (the primary answers). */
    READ_MAX_LAG_SECONDS: positiveInt(5),
    DATA_DIR: z.string().default('./data'),
    /**
     * A database call not answered after this many ms fails the request with 503
     * `database_unavailable` (so a stalled database never makes a request hang past 10 s).
     */
    DB_QUERY_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(8000),
    /**
     * The embedded database runs its SQL on a thread of its own ('on'), beside the thread that
     * answers HTTP, or on that same thread ('off').
     */
    DB_EMBEDDED_THREAD: z.enum(['on', 'off']).default('on'),
    /** Below this many MB free in DATA_DIR (embedded database), writes get 503 and health fails. */
    DISK_FLOOR_MB: z.coerce.number().int().min(0).default(256),
    TZ_REGION: z.string().default(DEFAULT_TIME_ZONE).refine(isKnownTimeZone, 'unknown time zone'),
    ADMIN_USERNAME: z.string().min(1).optional(),
    ADMIN_PASSWORD: z.string().min(8).optional(),
    /**
     * Base64 master key (≥ 32 bytes) that signs new codes and tokens and encrypts personal columns.
     * When unset, the current key of KEYS_DIR is used (generated there on first start).
     */
    QR_SIGNING_KEY: z
      .string()
      .refine((s) => Buffer.from(s, 'base64').length >= 32, 'must be at least 32 bytes, base64')
      .optional(),
    /** The one-character id (Crockford base32) printed in codes signed by QR_SIGNING_KEY. */
    QR_SIGNING_KEY_ID: z
      .string()
      .regex(/^[0-9A-HJKMNP-TV-Z]$/, 'one character of 0-9 A-Z without I L O U')
      .default('K'),
    /** Directory of key files (0600), outside the database. Default: DATA_DIR/keys. */
    KEYS_DIR: z.string().optional(),
    /**
     * Proxies whose X-Forwarded-For is believed: comma-separated addresses or CIDRs. Unset: the
     * header is ignored and the TCP peer is the client address every per-address limit uses.
     */
    TRUST_PROXY: z
      .string()
      .optional()
      .refine(
        (s) => !s || s.split(',').every((p) => isAddressOrCidr(p.trim())),
        'addresses or CIDRs, comma-separated',
      ),
    /**
     * The admin-unit list the data is expressed in. Unset: the one the database runs on, `vn-2025` for
     * a new database. Another than the database's: its data is upgraded at start (services/admin-unit-upgrade.ts).
     */
    ADMIN_UNITS_VERSION: z.string().optional(),
    /** A stay without check-out ends this many minutes after check-in (F4 default 4 h). */
    DEFAULT_STAY_MINUTES: positiveInt(240).refine((n) => n <= 24 * 60, 'at most 1440'),
    /** Days check-ins and declarations are kept (F15 default 21). */
    RETENTION_DAYS: positiveInt(21),
    /**
     * The country view counts live (exact up to the second) while its range holds fewer venue-days
     * than this; from there on, it reads the roll-up job's figures (today's at most ten minutes old).
     */
    COUNTRY_LIVE_VENUE_DAYS: z.coerce.number().int().min(0).default(50_000),
    /** Public check-in and declaration writes allowed per minute from one address (carrier NAT). */
    RATE_LIMIT_PUBLIC_PER_MINUTE: positiveInt(6000).refine((n) => n >= 3000, 'at least 3000 (API.md)'),
    /** Login attempts allowed per minute from one address. */
    RATE_LIMIT_LOGIN_PER_MINUTE: positiveInt(20),
    /** Failed logins from one address within 15 minutes before that address must wait (429). */
    LOGIN_MAX_FAILURES: positiveInt(10),
    /** Longest wait imposed on a login from an unknown address to an account under attack. */
    LOGIN_DELAY_CAP_MS: z.coerce.number().int().min(0).max(30_000).default(4000),
    SESSION_HOURS: positiveInt(12),
    /** The carrier's HTTP SMS API (POST JSON); unset: texts are only logged. */
    SMS_GATEWAY_URL: z.url().optional(),
    /** Its API key (sent as a bearer token); required with SMS_GATEWAY_URL. */
    SMS_GATEWAY_KEY: z.string().min(8).optional(),
    /** Whom people with an exposure notice call (F13): the national health hotline by default. */
    HEALTH_HOTLINE: z
      .string()
      .regex(HOTLINE, 'digits, spaces, dots or dashes, optionally a leading +')
      .default('1900 9095'),
    /** Province hotlines, `code=number` comma-separated (`01=024 3998 5765,79=028 3930 9912`). */
    HEALTH_HOTLINES: z
      .string()
      .optional()
      .refine(
        (s) => !s || s.split(',').every((p) => /^\d{2}=/.test(p.trim()) && HOTLINE.test(p.trim().slice(3))),
        'code=number pairs, comma-separated, e.g. 01=024 3998 5765',
      ),
    SMS_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(500).max(60_000).default(5000),
    /**
     * Bearer token that opens GET /metrics (Prometheus text format). Unset: /metrics answers 404, so
     * nothing about the load of the service is public by default.
     */
    METRICS_TOKEN: z.string().min(24, 'at least 24 characters').optional(),
    /**
     * The province's map tile server for the public venue map (F22), e.g.
     * `https://tile.example.vn/{z}/{x}/{y}.png`. Unset: the public page lists venues without a map.
     */
    MAP_TILE_URL: z
      .string()
      .regex(/^https?:\/\/[^\s"'<>]+$/, 'an http(s) URL')
      .refine((u) => ['{z}', '{x}', '{y}'].every((p) => u.includes(p)), 'must contain {z}, {x} and {y}')
      .optional(),
    /** Credit shown on the map for its tiles (e.g. "© OpenStreetMap contributors"). */
    MAP_TILE_ATTRIBUTION: z.string().max(200).default(''),
    /** Seconds a public venue list answer is reused (it is the page most people open). 0: never. */
    PUBLIC_LIST_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(10),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .refine((env) => !env.READ_DATABASE_URL || env.DATABASE_URL, {
    message: 'READ_DATABASE_URL is a replica of DATABASE_URL: set DATABASE_URL too',
    path: ['READ_DATABASE_URL'],
  })
  .refine((env) => !env.SMS_GATEWAY_URL || env.SMS_GATEWAY_KEY, {
    message: 'SMS_GATEWAY_KEY is required with SMS_GATEWAY_URL',
    path: ['SMS_GATEWAY_KEY'],
  })
  .transform((env) => ({
    port: env.PORT,
    host: env.HOST,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    databaseUrl: env.DATABASE_URL,
    replica: env.READ_DATABASE_URL
      ? { url: env.READ_DATABASE_URL, maxLagMs: env.READ_MAX_LAG_SECONDS * 1000 }
      : undefined,
    dataDir: env.DATA_DIR,
    queryTimeoutMs: env.DB_QUERY_TIMEOUT_MS,
    embeddedThread: env.DB_EMBEDDED_THREAD === 'on',
    diskFloorBytes: env.DISK_FLOOR_MB * 1024 * 1024,
    timeZone: env.TZ_REGION,
    admin:
      env.ADMIN_USERNAME && env.ADMIN_PASSWORD
        ? { username: env.ADMIN_USERNAME, password: env.ADMIN_PASSWORD }
        : undefined,
    signingKey: env.QR_SIGNING_KEY
      ? { id: env.QR_SIGNING_KEY_ID, secret: Buffer.from(env.QR_SIGNING_KEY, 'base64') }
      : undefined,
    keysDir: env.KEYS_DIR ?? (env.DATA_DIR ? `${env.DATA_DIR.replace(/\/+$/, '')}/keys` : undefined),
    trustProxy: env.TRUST_PROXY ? env.TRUST_PROXY.split(',').map((p) => p.trim()) : false,
    adminUnitsVersion: env.ADMIN_UNITS_VERSION,
    defaultStayMinutes: env.DEFAULT_STAY_MINUTES,
    retentionDays: env.RETENTION_DAYS,
    countryLiveVenueDays: env.COUNTRY_LIVE_VENUE_DAYS,
    rateLimits: {
      publicPerMinute: env.RATE_LIMIT_PUBLIC_PER_MINUTE,
      loginPerMinute: env.RATE_LIMIT_LOGIN_PER_MINUTE,
      loginMaxFailures: env.LOGIN_MAX_FAILURES,
      loginDelayCapMs: env.LOGIN_DELAY_CAP_MS,
    },
    sessionHours: env.SESSION_HOURS,
    logLevel: env.LOG_LEVEL,
    metricsToken: env.METRICS_TOKEN,
    map: env.MAP_TILE_URL ? { tileUrl: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION } : undefined,
    publicListCacheMs: env.PUBLIC_LIST_CACHE_SECONDS * 1000,
    hotlines: {
      national: env.HEALTH_HOTLINE,
      byProvince: Object.fromEntries(
        (env.HEALTH_HOTLINES ?? '')
          .split(',')
          .filter((p) => p.trim())
          .map((p) => [p.trim().slice(0, 2), p.trim().slice(3)]),
      ) as Record<string, string>,
    },
    smsGateway: env.SMS_GATEWAY_URL
      ? { url: env.SMS_GATEWAY_URL, apiKey: env.SMS_GATEWAY_KEY!, timeoutMs: env.SMS_GATEWAY_TIMEOUT_MS }
      : undefined,
  }));

/** The configuration as read from the environment. */
export type Config = z.output<typeof ConfigSchema>;
/** As a running service sees it: the admin-unit list settled against the database (bootstrap.ts). */
export type RunningConfig = Omit<Config, 'adminUnitsVersion'> & { adminUnitsVersion: string };

export function parseConfig(env: Record<string, string | undefined>): Config {
  const result = ConfigSchema.safeParse(env);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
}

function isAddressOrCidr(value: string): boolean {
  const [address, bits, ...rest] = value.split('/');
  const family = isIP(address ?? '');
  if (!family || rest.length) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d{1,3}$/.test(bits) && n <= (family === 4 ? 32 : 128);
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
