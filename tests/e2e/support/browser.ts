/** Debian's Chromium driven by playwright-core (a test tool's own browser download fails here). */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ARTIFACTS = resolve(import.meta.dirname, '../../../test-artifacts');
mkdirSync(ARTIFACTS, { recursive: true });

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Debian's Chromium (156) in headless mode loads the omnibox popups of its own window as WebUI pages
  // (chrome://omnibox-popup.top-chrome): with nobody typing in an address bar, their renderer spent
  // ≈ a third of a core the whole time a browser was open (e2e busy CPU 195–208 s → see tests/README).
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

let shared: Promise<Browser> | undefined;

/**
 * One Chromium for the journey files a test worker runs one after the other (journeys open contexts of
 * their own and close them): a launch costs ≈ 1.2 s of CPU. Playwright stops it when the worker exits.
 */
export function sharedChromium(): Promise<Browser> {
  shared ??= launchChromium().then((browser) => {
    browser.on('disconnected', () => (shared = undefined));
    return browser;
  });
  return shared;
}

export const artifact = (name: string) => resolve(ARTIFACTS, name);

/**
 * Waits for `selector`; when it never shows, fails with what the page showed instead (the text of
 * `explainWith`, e.g. the result panel and any error box) and keeps a screenshot, so a failure in CI
 * says why without a re-run.
 */
export async function waitOrExplain(
  page: Page,
  selector: string,
  opts: { timeout: number; explainWith: string; screenshot: string },
) {
  try {
    await page.waitForSelector(selector, { timeout: opts.timeout });
  } catch (err) {
    await page.screenshot({ path: artifact(opts.screenshot), fullPage: true }).catch(() => undefined);
    const shown = await page
      .$$eval(opts.explainWith, (els) => els.map((e) => e.outerHTML.slice(0, 400)).join('\n'))
      .catch(() => '(page unreadable)');
    throw new Error(`${selector} did not show within ${opts.timeout} ms; the page showed:\n${shown}`, {
      cause: err,
    });
  }
}

/** Waits up to 15 s for what the page must show; else fails with what `main` showed and a screenshot. */
export const see = (page: Page, selector: string, name: string) =>
  waitOrExplain(page, selector, { timeout: 15_000, explainWith: 'main', screenshot: `fail-${name}.png` });

/** Answers `no` ("Không", or "No" in English) to every yes/no question under `scope` not answered yet. */
export async function answerTheRestNo(page: Page, no = 'Không', scope = '') {
  const open = page.locator(`${scope} .yesno:not(:has(button[aria-checked="true"]))`.trim());
  while ((await open.count()) > 0) await open.first().locator(`button:has-text("${no}")`).click();
}
