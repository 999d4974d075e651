import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Person } from './support/app.ts';
import { describeInBrowser } from './support/browser.ts';
import { EditorPage, signIn } from './support/editorPage.ts';
import { useTestBed } from './support/testBed.ts';

describeInBrowser('two people editing one document', () => {
  const bed = useTestBed();

  /**
   * A person with an account: a fresh browser profile, signed in, choosing a colour on the
   * account page and then opening the shared link. Their name comes from the account.
   */
  async function arrive(url: string, person: Person, colour: string): Promise<EditorPage> {
    const context = await bed.newContext({ width: 1360, height: 900 });
    await signIn(context, person);
    const page: Page = await context.newPage();
    await page.goto(`${new URL(url).origin}/account`);
    await page.getByRole('radio', { name: colour }).check();
    await page.goto(url);
    const editor = new EditorPage(page);
    await editor.ready();
    await editor.waitForConnection('connected');
    return editor;
  }

  it("shows each person the other's text, named caret and presence", async () => {
    const id = await bed.app.createDocument("Co-Chairs' Summary: Preparatory Meeting on Medical Capacity");
    const url = `${bed.app.url}/d/${id}`;
    const amina = await arrive(url, await bed.app.addPerson(id, 'Amina Diallo', 'co-host'), 'Teal');
    const kenji = await arrive(url, await bed.app.addPerson(id, 'Kenji Sato', 'rapporteur'), 'Plum');

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
