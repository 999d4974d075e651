import { expect, it } from 'vitest';
import { describeInBrowser } from './support/browser.ts';
import { EditorPage, signIn } from './support/editorPage.ts';
import { useTestBed } from './support/testBed.ts';

describeInBrowser('undo with two authors', () => {
  const bed = useTestBed();

  async function open(id: string, name: string, color: string): Promise<EditorPage> {
    const context = await bed.newContext({ width: 1360, height: 900 });
    await signIn(context, await bed.app.addPerson(id, name, 'rapporteur'), color);
    const page = await context.newPage();
    await page.goto(`${bed.app.url}/d/${id}`);
    const editor = new EditorPage(page);
    await editor.ready();
    await editor.waitForConnection('connected');
    return editor;
  }

  it("undoes and redoes only one's own typing, never a co-author's", async () => {
    const id = await bed.app.createDocument('Undo test');
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
