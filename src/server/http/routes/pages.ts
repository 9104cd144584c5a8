/**
 * The web app: built files from dist/web, the check-in page behind every venue QR (`/c/:code`, with
 * the venue embedded so a slow phone needs no second round trip), and the SPA fallback.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  MAP_ATTRIBUTION_META,
  MAP_TILES_META,
  TEST_ADDRESS_META,
  TIME_ZONE_META,
} from '../../../shared/region.js';
import { isTestAddress } from '../../domain/public-url.js';
import { AppError } from '../../errors.js';
import { WEB_DIR } from '../../paths.js';
import type { ServiceContext } from '../../services/context.js';
import { publicVenueByCode } from '../../services/venues.js';
import {
  compressedFor,
  inlineAssets,
  pagePreloads,
  type InlinedPage,
  type Manifest,
} from '../page-assets.js';
import { sendError } from '../plugins/errors.js';
import { publicRoute, type ZodApp } from '../types.js';

/**
 * What pages may load: their own files, plus the map tiles of MAP_TILE_URL (`{s}` subdomains as a
 * wildcard) for the public venue map.
 */
function pageHeaders(ctx: ServiceContext) {
  const tiles = ctx.config.map ? ` ${tileOrigin(ctx.config.map.tileUrl)}` : '';
  return {
    'content-security-policy': `default-src 'self'; img-src 'self' data: blob:${tiles}; style-src 'self' 'unsafe-inline'; script-src 'self'; media-src 'self' blob:; frame-ancestors 'none'`,
    'x-frame-options': 'DENY',
  };
}

/** The policy with the hashes of scripts written into the page allowed too. */
function withScripts(policy: string, sources: string[]): string {
  return policy.replace("script-src 'self'", ["script-src 'self'", ...sources].join(' '));
}

/** `https://{s}.tile.example.vn/{z}/{x}/{y}.png` → `https://*.tile.example.vn`. */
function tileOrigin(tileUrl: string): string {
  return /^https?:\/\/[^/]+/.exec(tileUrl)![0].replace('{s}', '*');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that is safe inside a <script type="application/json"> block. */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

function readPage(name: string): string {
  const file = resolve(WEB_DIR, name);
  if (!existsSync(file)) throw new Error(`web app not built: ${file} is missing (run npm run build:web)`);
  return readFileSync(file, 'utf8');
}

/**
 * Tells the page the region's time zone (TZ_REGION), in which it shows days and times, and whether
 * PUBLIC_URL is a test address (what it prints is then marked as a test).
 */
function withRegion(html: string, ctx: ServiceContext): string {
  const test = isTestAddress(ctx.config.publicUrl) ? `<meta name="${TEST_ADDRESS_META}" content="1">` : '';
  const zone = `<meta name="${TIME_ZONE_META}" content="${escapeHtml(ctx.config.timeZone)}">`;
  const map = ctx.config.map
    ? `<meta name="${MAP_TILES_META}" content="${escapeHtml(ctx.config.map.tileUrl)}">` +
      `<meta name="${MAP_ATTRIBUTION_META}" content="${escapeHtml(ctx.config.map.attribution)}">`
    : '';
  return html.replace('<head>', `<head>${zone}${test}${map}`);
}

const ASSET_CACHE = 'public, max-age=31536000, immutable';

export function pageRoutes(app: ZodApp, ctx: ServiceContext) {
  const headers = pageHeaders(ctx);
  let checkinPage: InlinedPage | undefined;
  let appShell: string | undefined;
  let preloadsOf: ((path: string) => string) | undefined;

  app.get(
    '/c/:code',
    {
      schema: { hide: true },
      config: publicRoute(ctx.config.rateLimits.publicPerMinute),
    },
    async (req, reply) => {
      const { code } = req.params as { code: string };
      checkinPage ??= inlineAssets(withRegion(readPage('checkin.html'), ctx), (path) =>
        readPage(path.slice(1)),
      );
      let venue: Awaited<ReturnType<typeof publicVenueByCode>> | null = null;
      try {
        venue = await publicVenueByCode(ctx, code.slice(0, 64));
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
      }
      const html = checkinPage.html
        .replace('<title>', `<title>${venue ? `${escapeHtml(venue.name)} – ` : ''}`)
        .replace(
          '</head>',
          `<script type="application/json" id="venue-data">${jsonForHtml({ code, venue, retentionDays: ctx.config.retentionDays, defaultStayMinutes: ctx.config.defaultStayMinutes })}</script></head>`,
        );
      const { encoding, body } = compressedFor(req, html);
      return reply
        .status(venue ? 200 : 404)
        .headers({
          ...headers,
          'content-security-policy': withScripts(
            headers['content-security-policy'],
            checkinPage.scriptSources,
          ),
          'cache-control': 'no-store',
          vary: 'accept-encoding',
          ...(encoding ? { 'content-encoding': encoding } : {}),
        })
        .type('text/html; charset=utf-8')
        .send(body);
    },
  );

  if (existsSync(WEB_DIR)) {
    void app.register(fastifyStatic, {
      root: WEB_DIR,
      wildcard: true,
      index: false,
      // The .br/.gz copies made at build time (scripts/precompress.mjs), as the browser accepts them.
      preCompressed: true,
      // Cache-Control is set here alone (the plugin's own would replace it).
      cacheControl: false,
      setHeaders: (res, path) => {
        // Hashed file names change with their content: a phone keeps them a year and never asks again.
        if (/[/\\]assets[/\\]/.test(path)) res.setHeader('cache-control', ASSET_CACHE);
        // The service worker must be checked at every visit to pick up a new version.
        else if (path.endsWith('sw.js')) res.setHeader('cache-control', 'no-cache');
        else res.setHeader('cache-control', 'public, max-age=3600');
      },
    });
  }

  const sendShell = (reply: FastifyReply, path: string) => {
    appShell ??= withRegion(readPage('index.html'), ctx);
    preloadsOf ??= pagePreloads(JSON.parse(readPage('.vite/manifest.json')) as Manifest);
    const html = appShell.replace('</head>', `${preloadsOf(path)}</head>`);
    return reply
      .headers({ ...headers, 'cache-control': 'no-cache' })
      .type('text/html; charset=utf-8')
      .send(html);
  };
  app.get('/', { schema: { hide: true } }, (_req, reply) => sendShell(reply, '/'));

  app.setNotFoundHandler((req, reply) => {
    // App routes (/register, /venues/7/scanner …) get the app shell; files and the API get a JSON 404.
    const path = req.url.split('?')[0]!;
    const isAppRoute =
      req.method === 'GET' &&
      !path.startsWith('/api/') &&
      !path.startsWith('/assets/') &&
      !/\.[a-z0-9]+$/i.test(path);
    if (isAppRoute) return sendShell(reply, path);
    return sendError(req, reply, new AppError('not_found'));
  });
}
