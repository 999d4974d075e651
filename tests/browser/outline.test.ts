import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app.ts';
import { describeInBrowser, launchBrowser } from './support/browser.ts';
import { EditorPage, signIn } from './support/editorPage.ts';

/** The labels UN numbering draws before the body's paragraphs (CSS ::before, not text). */
function paragraphNumbers(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.ProseMirror [data-un-kind="paragraph"]')].map((element) =>
      getComputedStyle(element, '::before').content.replace(/^"|"$/g, ''),
    ),
  );
}

describeInBrowser('the outline pane and UN numbering', () => {
  let app: RunningApp;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it('lists the sessions, jumps to one, and numbers paragraphs until switched off', async () => {
    const id = await app.createDocument('Chair’s Summary: Preparatory Meeting on Medical Readiness', {
      template: 'chairs-summary',
      sessions: [
        { title: 'Casualty evacuation' },
        { title: 'Field hospitals' },
        { title: 'Training partnerships' },
      ],
    });

    context = await browser.newContext({ viewport: { width: 1440, height: 950 } });
    // The secretariat: numbering is a structure setting.
    await signIn(context, await app.addPerson(id, 'Amina Diallo', 'secretariat'), '#0f766e');
    const page = await context.newPage();
    await page.goto(`${app.url}/d/${id}`);
    const editor = new EditorPage(page);
    await editor.ready();
    await editor.waitForConnection('connected');

    await page.getByRole('tab', { name: 'Outline' }).click();
    const outline = page.getByRole('navigation', { name: 'Outline' });
    await expect
      .poll(() => outline.getByRole('button').allTextContents())
      .toEqual(
        expect.arrayContaining(['Session 1 – Casualty evacuation', 'Session 3 – Training partnerships']),
      );

    await outline.getByRole('button', { name: 'Session 3 – Training partnerships' }).click();
    await expect
      .poll(() => outline.locator('[aria-current="location"]').textContent())
      .toBe('Session 3 – Training partnerships');
    // The cursor is in session 3's part: what is typed lands there, after its heading.
    await page.keyboard.type('Mobile training teams were praised.');
    const part = page
      .locator('.ProseMirror [data-kind="session-findings"]')
      .filter({ hasText: 'Mobile training teams' });
    await expect
      .poll(() => part.first().locator('.session-heading__title').textContent())
      .toBe('Session 3 – Training partnerships');

    // The typed paragraph is numbered, and the number is not text of the document.
    await expect.poll(() => paragraphNumbers(page)).toEqual(['1.']);
    expect(await editor.textContent()).not.toMatch(/\b1\.\s*Mobile/);

    await page.getByLabel('Number paragraphs (1., 2., 3. …)').uncheck();
    await expect.poll(() => paragraphNumbers(page)).toEqual([]);
    await page.getByLabel('Number paragraphs (1., 2., 3. …)').check();
    await expect.poll(() => paragraphNumbers(page)).toEqual(['1.']);
    await page.screenshot({ path: '/tmp/outline-numbering.png' });
  });
});
