import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app.ts';
import { describeInBrowser, launchBrowser } from './support/browser.ts';
import { EditorPage, signIn } from './support/editorPage.ts';

describeInBrowser('exporting from the editor', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('previews the PDF in the browser and downloads Word, from what was typed', async () => {
    const id = await app.createDocument('Chair’s Summary: Preparatory Meeting on Partnerships');
    const context = await browser.newContext({
      viewport: { width: 1360, height: 900 },
      acceptDownloads: true,
    });
    await signIn(context, await app.addPerson(id, 'Secretariat (Ghana)', 'secretariat'), '#0b6e4f');
    const page = await context.newPage();
    await page.goto(`${app.url}/d/${id}`);
    const editor = new EditorPage(page);
    await editor.ready();
    await editor.waitForConnection('connected');
    await editor.typeAtEnd('Côte d’Ivoire and Türkiye welcomed the participants.');
    await page.getByText('All changes saved').waitFor();

    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: /Export/ });
    await dialog.getByRole('button', { name: 'Preview PDF' }).click();
    const preview = dialog.locator('iframe.export-dialog__preview');
    await preview.waitFor({ timeout: 30_000 });
    // The preview is the PDF the server made from the stored document.
    const src = await preview.getAttribute('src');
    expect(src).toMatch(/^blob:/);
    const pdfBytes = await page.evaluate(
      async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer()).slice(0, 5)),
      src!,
    );
    expect(String.fromCharCode(...pdfBytes)).toBe('%PDF-');

    await dialog.getByRole('button', { name: 'Back to options' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download Word' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = await download.path();
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    await context.close();
  });
});
