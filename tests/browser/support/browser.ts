import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { describe } from 'vitest';

/**
 * The browser tests drive the system Chromium through playwright-core (no browser download).
 * Without it they are skipped with a message, so `npm test` passes on a machine without a
 * browser, unless PLENARY_REQUIRE_BROWSER=1 (CI), where a missing browser is a failure.
 */
export const CHROMIUM_PATH = process.env.PLENARY_CHROMIUM_PATH ?? '/usr/bin/chromium';
export const MISSING_BROWSER = `The browser tests need Chromium at ${CHROMIUM_PATH} (apt-get install chromium).`;

const available = existsSync(CHROMIUM_PATH);
const required = process.env.PLENARY_REQUIRE_BROWSER === '1';

if (!available && !required) console.warn(`Skipping browser tests. ${MISSING_BROWSER}`);

/** `describe` when the tests can run (or must), `describe.skip` otherwise. */
export const describeInBrowser = available || required ? describe : describe.skip;

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchBrowser(): Promise<Browser> {
  if (!available) throw new Error(MISSING_BROWSER);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ARGS });
}
