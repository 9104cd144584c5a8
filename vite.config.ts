import { resolve } from 'node:path';
import { defineConfig } from 'vite';

// The web app (citizen, manager and official pages). The tiny check-in page a citizen's phone opens
// from the venue QR is built on its own (vite.checkin.config.ts): one file, no framework.
export default defineConfig({
  root: resolve(import.meta.dirname, 'src/web'),
  publicDir: resolve(import.meta.dirname, 'src/web/public'),
  esbuild: { jsx: 'automatic' },
  resolve: {
    alias: [
      // The shared contracts give the web their types, methods and paths; zod itself stays on the server.
      { find: /^zod$/, replacement: resolve(import.meta.dirname, 'src/web/zod-types-only.ts') },
      // The app is written against React's API and runs on Preact's (preact/compat): a citizen's phone
      // downloads ~5 kB of framework instead of React DOM's ~55 kB (issue 15's page budget).
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/compat/jsx-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    // Which files each page needs: the server preloads them with the page (http/page-assets.ts).
    manifest: true,
    rollupOptions: {
      input: { app: resolve(import.meta.dirname, 'src/web/index.html') },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/c': 'http://localhost:3000' } },
});
