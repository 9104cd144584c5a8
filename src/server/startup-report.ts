/**
 * What a person starting the server reads in the console (issue 14): where it listens, which database
 * and admin-unit list it uses, the link to create the first admin, and a plain warning when PUBLIC_URL
 * is an address phones cannot open. Plain lines, beside the JSON log lines.
 */
import { isTestAddress } from './domain/public-url.js';
import { adminUnitLevels } from './services/admin-units.js';
import type { ServiceContext } from './services/context.js';

/** A database URL without its password. */
function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'PostgreSQL';
  }
}

export function startupReport(ctx: ServiceContext, adminLink: string | null): string {
  const { config } = ctx;
  const listen = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${config.port}`;
  const database = config.databaseUrl
    ? `PostgreSQL ${safeUrl(config.databaseUrl)}`
    : config.dataDir
      ? `embedded PGlite in ${config.dataDir}`
      : 'embedded PGlite in memory (nothing is kept after a stop: set DATA_DIR)';
  const lines = [
    '',
    '  Khai báo y tế & quét mã QR is running',
    `    listening on     ${listen}   (HOST=${config.host}, PORT=${config.port})`,
    `    public address   ${config.publicUrl}   (PUBLIC_URL: printed in every QR)`,
    `    database         ${database}`,
    ...(config.replica
      ? [
          `    reads from       ${safeUrl(config.replica.url)}   (replica: dashboards, reports, exports; ` +
            `the primary when it lags over ${config.replica.maxLagMs / 1000} s)`,
        ]
      : []),
    `    admin units      ${config.adminUnitsVersion} (${adminUnitLevels(config.adminUnitsVersion)} levels)`,
  ];
  if (adminLink)
    lines.push(
      '',
      '  No admin account yet. Create the first national admin by opening, within 24 hours:',
      `    ${adminLink}`,
      '  (or set ADMIN_USERNAME and ADMIN_PASSWORD and restart).',
    );
  if (isTestAddress(config.publicUrl))
    lines.push(
      '',
      `  WARNING: PUBLIC_URL (${config.publicUrl}) is a local or private address: phones in the street`,
      '  cannot open the QR codes printed now. Posters and cards carry "BẢN THỬ – TEST, not for display"',
      '  until PUBLIC_URL is the public address people reach, e.g. PUBLIC_URL=https://qr.tinh.gov.vn',
    );
  return `${lines.join('\n')}\n`;
}
