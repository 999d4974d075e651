import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startApp, type RunningApp } from './app.ts';
import { launchBrowser } from './browser.ts';

export interface TestBed {
  readonly app: RunningApp;
  readonly browser: Browser;
  /** A fresh browser profile, closed after the suite. */
  newContext(viewport?: { width: number; height: number }): Promise<BrowserContext>;
}

/**
 * One server and one Chromium for the suite it is called in: started before its tests, closed
 * after them with every context made through it. Call at the top of a `describeInBrowser`.
 */
export function useTestBed(): TestBed {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.close();
  });

  return {
    get app() {
      if (!app) throw new Error('The test bed starts in beforeAll: use it inside a test');
      return app;
    },
    get browser() {
      if (!browser) throw new Error('The test bed starts in beforeAll: use it inside a test');
      return browser;
    },
    async newContext(viewport = { width: 1440, height: 950 }) {
      const context = await this.browser.newContext({ viewport });
      contexts.push(context);
      return context;
    },
  };
}
