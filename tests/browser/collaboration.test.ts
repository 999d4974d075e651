import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app.ts';
import { describeInBrowser, launchBrowser } from './support/browser.ts';
import { EditorPage } from './support/editorPage.ts';

describeInBrowser('two people editing one document', () => {
  let app: RunningApp;
  let browser: Browser;
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

  /** A new person: a fresh browser profile, arriving at the shared link and giving their name. */
  async function arrive(url: string, name: string, colour: string): Promise<EditorPage> {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    contexts.push(context);
    const page: Page = await context.newPage();
    await page.goto(url);
    const dialog = page.getByRole('dialog', { name: 'Welcome to Plenary' });
    await dialog.getByLabel('Your name').fill(name);
    await dialog.getByRole('radio', { name: colour }).check();
    await dialog.getByRole('button', { name: 'Continue' }).click();
    const editor = new EditorPage(page);
    await editor.ready();
    await editor.waitForConnection('connected');
    return editor;
  }

  it("shows each person the other's text, named caret and presence", async () => {
    const id = await app.createDocument("Co-Chairs' Summary: Preparatory Meeting on Medical Capacity");
    const url = `${app.url}/d/${id}`;
    const amina = await arrive(url, 'Amina Diallo', 'Teal');
    const kenji = await arrive(url, 'Kenji Sato', 'Plum');

    await amina.typeAtEnd('Participants called for stronger casualty evacuation.');
    await kenji.waitForText('Participants called for stronger casualty evacuation.');

    await kenji.typeAtEnd(' The Secretariat was asked to report back.');
    await amina.waitForText('The Secretariat was asked to report back.');

    // Each caret is drawn in the other's page, labelled with its owner's name.
    await amina.caretOf('Kenji Sato').waitFor();
    await kenji.caretOf('Amina Diallo').waitFor();
    await expect
      .poll(() => amina.caretOf('Kenji Sato').evaluate((label) => getComputedStyle(label).backgroundColor))
      .toBe('rgb(123, 63, 160)');

    // "Who is here" lists both, each page marking its own person as "you".
    await amina.presence.getByText('Kenji Sato').waitFor();
    await kenji.presence.getByText('Amina Diallo').waitFor();
    expect(await amina.presence.locator('[data-self]').textContent()).toContain('Amina Diallo');
    expect(await kenji.presence.locator('[data-self]').textContent()).toContain('Kenji Sato');

    const expected =
      'Participants called for stronger casualty evacuation. The Secretariat was asked to report back.';
    await expect.poll(() => amina.textContent()).toBe(expected);
    await expect.poll(() => kenji.textContent()).toBe(expected);
  });
});
