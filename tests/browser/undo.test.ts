import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startApp, type RunningApp } from './support/app.ts';
import { describeInBrowser, launchBrowser } from './support/browser.ts';
import { EditorPage, presetIdentity } from './support/editorPage.ts';

describeInBrowser('undo with two authors', () => {
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

  async function open(id: string, name: string, color: string): Promise<EditorPage> {
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    contexts.push(context);
    await presetIdentity(context, { name, color });
    const page = await context.newPage();
    await page.goto(`${app.url}/d/${id}`);
    const editor = new EditorPage(page);
    await editor.ready();
    await editor.waitForConnection('connected');
    return editor;
  }

  it("undoes and redoes only one's own typing, never a co-author's", async () => {
    const id = await app.createDocument('Undo test');
    const pakistan = await open(id, 'Delegation of Pakistan', '#1f7a5c');
    const korea = await open(id, 'Delegation of the Republic of Korea', '#b5473a');

    await pakistan.typeAtEnd('Islamabad welcomed the delegations. ');
    await korea.waitForText('Islamabad welcomed the delegations.');
    await korea.typeAtEnd('Seoul thanked the hosts.');
    await pakistan.waitForText('Seoul thanked the hosts.');

    // Pakistan undoes: its own sentence goes, Korea's stays, for both of them.
    await pakistan.text.click();
    await pakistan.page.keyboard.press('ControlOrMeta+z');
    for (const editor of [pakistan, korea]) {
      await expect.poll(() => editor.textContent(), { timeout: 10_000 }).not.toContain('Islamabad welcomed');
      expect(await editor.textContent()).toContain('Seoul thanked the hosts.');
    }

    // Redo brings it back everywhere.
    await pakistan.page.keyboard.press('ControlOrMeta+Shift+z');
    await korea.waitForText('Islamabad welcomed the delegations.');
    expect(await korea.textContent()).toContain('Seoul thanked the hosts.');
  });
});
