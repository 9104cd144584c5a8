/** One real server and one Chromium per journey file, started before its tests and stopped after. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.js';
import { startServer, type RunningServer } from './server.js';

export function useJourney(env: Record<string, string> = {}): {
  readonly server: RunningServer;
  readonly browser: Browser;
} {
  const state = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    state.server = await startServer(env);
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.stop();
  });
  return state;
}

/** The national admin of journeys that create accounts (started with useJourney(ADMIN_ENV)). */
export const E2E_ADMIN = { username: 'quantri', password: 'quan-tri-12345' };
export const ADMIN_ENV = { ADMIN_USERNAME: E2E_ADMIN.username, ADMIN_PASSWORD: E2E_ADMIN.password };

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
