/**
 * A journey file's browser (the worker's one Chromium; the contexts the file opened are closed after
 * it) and a real server: its own, started before its tests and stopped after (`useJourney(env)`), or
 * the one the shared journeys use (`useSharedJourney()`).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { SHARED_SERVER_ENV } from './admin.js';
import { sharedChromium } from './browser.js';
import { provided } from '../../support/provided.js';
import { startServer, type RunningServer } from './server.js';
import { TEST_NODE_FLAGS } from '../../support/server-process.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * The server the shared journeys use: one started for the run on PGlite (tests/e2e/support/
     * shared-server-setup.ts), the cluster's balancer on PostgreSQL (tests/cluster/global-setup.ts).
     */
    sharedServerUrl: string;
  }
}

interface Journey {
  readonly server: RunningServer;
  readonly browser: Browser;
}

/** A journey on a server of its own, started with `env` (a list, a tile server, a province's exact figures). */
export function useJourney(env: Record<string, string> = {}): Journey {
  return journeyOn(() => startServer(env, TEST_NODE_FLAGS));
}

/**
 * A journey of SHARED_JOURNEYS (vitest.cluster.config.ts) on the run's shared server (SHARED_SERVER_ENV),
 * sharing its database with the others: names, phones and accounts of its own. Run alone, outside a
 * run that provides one, it starts its own with the same settings.
 */
export function useSharedJourney(): Journey {
  return journeyOn(async () => {
    const url = await provided('sharedServerUrl');
    return url ? { baseUrl: url, stop: async () => {} } : startServer(SHARED_SERVER_ENV, TEST_NODE_FLAGS);
  });
}

function journeyOn(server: () => Promise<RunningServer>): Journey {
  const state = {} as { server: RunningServer; browser: Browser };
  let before = new Set<BrowserContext>();
  beforeAll(async () => {
    [state.server, state.browser] = await Promise.all([server(), sharedChromium()]);
    before = new Set(state.browser.contexts());
  });
  afterAll(async () => {
    const opened = state.browser?.contexts().filter((c) => !before.has(c)) ?? [];
    await Promise.all(opened.map((c) => c.close()));
    await state.server?.stop();
  });
  return state;
}

export { ADMIN_ENV, E2E_ADMIN } from './admin.js';

/** A JSON POST for setting up a journey; anything but 2xx fails the test. Answers the body and the session cookie. */
export async function apiPost(server: RunningServer, path: string, body: unknown, cookie?: string) {
  const res = await fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return {
    body: (await res.json()) as Record<string, unknown>,
    cookie: res.headers.get('set-cookie')?.split(';')[0],
  };
}

/** Logs in through the login page, as a person would. */
export async function logInOnPage(page: Page, server: RunningServer, username: string, password: string) {
  await page.goto(`${server.baseUrl}/login`);
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
}
