import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The check-in page behind every venue QR, built alone after the app (into the same dist/web): one
// script and one style sheet with nothing shared with the app, which the server writes into the page
// itself (http/page-assets.ts), so a phone on a slow network gets the whole page in one round trip.
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/web'),
  publicDir: false,
  resolve: { alias: { zod: resolve(import.meta.dirname, 'src/web/zod-types-only.ts') } },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: false,
    modulePreload: false,
    rollupOptions: { input: { checkin: resolve(import.meta.dirname, 'src/web/checkin.html') } },
  },
});
