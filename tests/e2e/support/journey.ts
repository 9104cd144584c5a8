/** One real server and one Chromium per journey file, started before its tests and stopped after. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.js';
import { provided } from '../../support/provided.js';
import { startServer, type RunningServer } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A running deployment the journeys use instead of starting a server each (cluster run). */
    e2eBaseUrl: string;
  }
}

export function useJourney(env: Record<string, string> = {}): {
  readonly server: RunningServer;
  readonly browser: Browser;
} {
  const state = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    // The cluster run (tests/cluster) gives the load balancer of a running deployment instead.
    const given = await provided('e2eBaseUrl');
    state.server = given ? { baseUrl: given, stop: async () => {} } : await startServer(env);
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    await state.browser?.close();
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
