/**
 * Driving the viewer in a page: its test hook (window.__guanxi, viz/src/main.ts), waiting on it,
 * and a viewer served from a store in a browser context of its own.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { createViewerServer, type ViewerServer } from '../../src/server/app.js';
import type { GraphStore } from '../../src/store/store.js';
import { CHROMIUM, launchChromium } from './chromium.js';

export const ARTIFACTS = join(PACKAGE_ROOT, 'tests', 'artifacts');

/**
 * Debian's Chromium for a suite's `before`: where it is missing, the suite is skipped locally and
 * fails in CI (apt-get install -y chromium fonts-noto-cjk).
 */
export async function chromiumFor(suite: Mocha.Context): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk`);
    console.log(`    (skipped: ${CHROMIUM} is missing; apt-get install -y chromium fonts-noto-cjk)`);
    suite.skip();
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return launchChromium();
}

/**
 * The pages' options. The tests read the page with string expressions, which the viewer's CSP (no
 * eval) would refuse; bypassing it also makes the HTML-as-text test prove the DOM code safe by itself.
 */
export const PAGE = { viewport: { width: 1400, height: 850 }, bypassCSP: true };

/** An expression over the page's test hook as `g`, evaluated in the page. */
export const inPage = (expression: string) => `(() => { const g = window.__guanxi; return ${expression}; })()`;
export const hook = <T>(page: Page, expression: string): Promise<T> => page.evaluate(inPage(expression)) as Promise<T>;
/** Waits until the expression is true. */
export const until = (page: Page, expression: string, timeout = 60_000) => page.waitForFunction(inPage(expression), null, { timeout });

/** Opens the viewer and waits for its first picture (and the full graph's layout, if that is what opened). */
export async function openViewer(page: Page, url: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await until(page, 'g !== undefined && (g.firstRender !== null || g.error !== null)');
  expect(await hook<string | null>(page, 'g.error')).to.equal(null);
  await until(page, "g.layout !== 'running'", 60_000);
  expect(errors, 'errors in the page').to.deep.equal([]);
  return errors;
}

export interface Viewing {
  server: ViewerServer;
  context: BrowserContext;
  page: Page;
  /** Errors the page has thrown since it opened. */
  errors: string[];
  close(): Promise<void>;
}

/** The viewer served from a store and open in a page; `fragment` is the URL's view (#v=meetings…). */
export async function viewStore(browser: Browser, store: GraphStore, fragment = '', options: { overviewNodes?: number } = {}): Promise<Viewing> {
  const server = await createViewerServer({ store, ...options });
  const context = await browser.newContext(PAGE);
  const page = await context.newPage();
  const errors = await openViewer(page, server.url + fragment);
  return {
    server,
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      await server.close();
    },
  };
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}
