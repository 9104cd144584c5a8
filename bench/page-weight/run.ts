/**
 * What a citizen's cheap phone pays for each citizen page (issue 15, point 6): Debian's Chromium with
 * the network throttled to 400 kbit/s and 400 ms latency and the CPU 4× slower, cold cache, a 360 px
 * phone viewport. For each page: bytes transferred (headers included, as encoded on the wire) until the
 * page is usable and its network is quiet, and the time from navigation to the page usable (its form or
 * heading drawn by the page itself, not a loading placeholder).
 *   npm run bench:page-weight            (BENCH_RUNS, default 3: the median is reported)
 */
import type { Browser, CDPSession } from 'playwright-core';
import { launchChromium } from '../../tests/e2e/support/browser.js';
import { startServer } from '../../tests/e2e/support/server.js';
import { registerVenues } from '../support/load.js';

interface CitizenPage {
  name: string;
  path: string;
  /** What shows when the page can be used. */
  ready: string;
  budgetKB: number;
  budgetMs: number;
}

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SLOW_NETWORK = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1000) / 8,
  uploadThroughput: (400 * 1000) / 8,
};

async function measure(browser: Browser, baseUrl: string, page: CitizenPage) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
  const tab = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength));
  const started = Date.now();
  await tab.goto(`${baseUrl}${page.path}`, { waitUntil: 'commit' });
  await tab.waitForSelector(page.ready, { state: 'visible', timeout: 60_000 });
  const readyMs = Date.now() - started;
  // What the page still fetches once usable (fonts, a lazy chunk) is part of its weight.
  await tab.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
  await context.close();
  return { kb: bytes / 1024, readyMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const server = await startServer({ LOG_LEVEL: 'error' });
const browser = await launchChromium();
try {
  const [venue] = await registerVenues(server.baseUrl, 1);
  const pages: CitizenPage[] = [
    {
      name: 'check-in page',
      path: `/c/${venue!.code}`,
      ready: 'form.card button[type=submit]',
      budgetKB: 20,
      budgetMs: 1500,
    },
    { name: 'home', path: '/', ready: 'main h1', budgetKB: 60, budgetMs: 3000 },
    { name: 'health declaration', path: '/declare', ready: 'main h1', budgetKB: 60, budgetMs: 3000 },
    { name: 'my cards', path: '/cards', ready: 'main h1', budgetKB: 60, budgetMs: 3000 },
    { name: 'my check-ins', path: '/history', ready: 'main h1', budgetKB: 60, budgetMs: 3000 },
    { name: 'safe places', path: '/places', ready: 'main h1', budgetKB: 60, budgetMs: 3000 },
  ];
  console.log(`400 kbit/s, 400 ms latency, CPU 4× slower, cold cache, 360 px; median of ${RUNS} runs`);
  console.log('| page | transferred | usable after | budget | within |');
  console.log('|---|---|---|---|---|');
  for (const page of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, server.baseUrl, page));
    const kb = median(runs.map((r) => r.kb));
    const ms = median(runs.map((r) => r.readyMs));
    const within = kb <= page.budgetKB && ms <= page.budgetMs ? 'yes' : 'no';
    console.log(
      `| ${page.name} \`${page.path.startsWith('/c/') ? '/c/…' : page.path}\` | ${kb.toFixed(1)} KB | ` +
        `${(ms / 1000).toFixed(2)} s | ≤ ${page.budgetKB} KB, ≤ ${page.budgetMs / 1000} s | ${within} |`,
    );
  }
} finally {
  await browser.close();
  await server.stop();
}
