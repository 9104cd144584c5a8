/**
 * The check-in page as one response (issue 15's budget: ≤ 20 KB and usable ≤ 1.5 s on a slow phone):
 * its script and style sheet, built apart from the app (vite.checkin.config.ts), are written into the
 * HTML, so a phone needs a single round trip, and the whole is compressed as the browser accepts.
 */
import { createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { preferredEncoding } from './plugins/compression.js';

const SCRIPT_TAG = /<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"><\/script>/g;
const STYLE_TAG = /<link rel="stylesheet" crossorigin href="(\/assets\/[^"]+\.css)">/g;

export interface InlinedPage {
  html: string;
  /** CSP sources for the scripts written in (`'sha256-…'`). */
  scriptSources: string[];
}

/** Writes the page's own /assets/ script and style sheet into it; `read` gives a built file's text. */
export function inlineAssets(html: string, read: (path: string) => string): InlinedPage {
  const scriptSources: string[] = [];
  const inlined = html
    .replace(SCRIPT_TAG, (_tag, path: string) => {
      // A "</script" inside the code would end the element early.
      const code = read(path).replace(/<\/script/gi, '<\\/script');
      scriptSources.push(`'sha256-${createHash('sha256').update(code).digest('base64')}'`);
      return `<script type="module">${code}</script>`;
    })
    .replace(STYLE_TAG, (_tag, path: string) => `<style>${read(path)}</style>`);
  return { html: inlined, scriptSources };
}

/** The page compressed for this browser: brotli, else gzip, else as is. */
export function compressedFor(req: FastifyRequest, html: string) {
  const encoding = preferredEncoding(req);
  const body = Buffer.from(html);
  if (encoding === 'br')
    return { encoding, body: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }) };
  if (encoding === 'gzip') return { encoding, body: gzipSync(body, { level: 6 }) };
  return { encoding: undefined, body };
}

/**
 * The page module a citizen's address opens (src/web/app/App.tsx loads it when the address is opened).
 * Named here so the app shell preloads it with the shell instead of after it: one round trip less.
 */
const PAGE_MODULES: Record<string, string> = {
  '/declare': 'features/declare/DeclarePage.tsx',
  '/declare/arrival': 'features/declare/DeclarePage.tsx',
  '/cards': 'features/cards/CardsPage.tsx',
  '/history': 'features/history/HistoryPage.tsx',
  '/places': 'features/places/PlacesPage.tsx',
  '/register': 'features/register/RegisterVenuePage.tsx',
  '/login': 'features/login/LoginPage.tsx',
};

export type Manifest = Record<string, { file: string; imports?: string[]; isEntry?: boolean }>;

/**
 * For each citizen address, `<link rel="modulepreload">` for the files of its page that the shell
 * does not already load (Vite's manifest: the page's chunk and what it imports); '' for another
 * address. Worked out once per build, not per request.
 */
export function pagePreloads(manifest: Manifest): (path: string) => string {
  const collect = (key: string, into: Set<string>) => {
    if (into.has(key) || !manifest[key]) return;
    into.add(key);
    for (const imported of manifest[key].imports ?? []) collect(imported, into);
  };
  const loaded = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) collect(key, loaded);
  const links = new Map<string, string>();
  for (const [path, module] of Object.entries(PAGE_MODULES)) {
    const needed = new Set<string>();
    collect(module, needed);
    links.set(
      path,
      [...needed]
        .filter((key) => !loaded.has(key))
        .map((key) => `<link rel="modulepreload" crossorigin href="/${manifest[key]!.file}">`)
        .join(''),
    );
  }
  return (path) => links.get(path.replace(/\/+$/, '')) ?? '';
}
