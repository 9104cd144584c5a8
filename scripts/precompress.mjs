#!/usr/bin/env node
// After the web build: a brotli (.br) and a gzip (.gz) copy of every text file of dist/web worth it,
// so the server hands a cheap phone the smallest encoding its browser accepts without compressing per
// request (@fastify/static `preCompressed`). Run by `npm run build`.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '../dist/web');
const TEXT = /\.(js|css|html|svg|json|txt|map|webmanifest)$/;
/** Smaller files gain less than the bytes of a Content-Encoding header. */
const MIN_BYTES = 512;

let files = 0;
let before = 0;
let after = 0;
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (TEXT.test(name) && statSync(path).size >= MIN_BYTES) compress(path);
  }
}
function compress(path) {
  const body = readFileSync(path);
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
  files += 1;
  before += body.length;
  after += br.length;
}
walk(root);
console.log(`precompressed ${files} files: ${Math.round(before / 1024)} kB → ${Math.round(after / 1024)} kB (brotli)`);
