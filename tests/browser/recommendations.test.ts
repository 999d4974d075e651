import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeInBrowser } from './support/browser.ts';
import { EditorPage, signIn } from './support/editorPage.ts';
import { useTestBed } from './support/testBed.ts';

// A fictional meeting: the importer turns the items under "Recommendations" into recommendations.
const DRAFT = `# Co-Chairs' Summary: Preparatory Meeting on Field Medicine

## Overview

Some 40 Member States took part in the meeting, held in Lomé on 3-4 March 2026.

## Recommendations

1. Member States should train every contingent in casualty care before deployment.
2. The Secretariat should report on aeromedical evacuation times to the next ministerial.
3. Host states should speed up customs clearance of medical supplies.
`;

interface Recommendation {
  id: string;
  number: number;
  text: string;
  themes: string[];
}

describeInBrowser('tagging recommendations together', () => {
  const bed = useTestBed();

  async function importDraft(markdown: string): Promise<string> {
    const form = new FormData();
    form.append('file', new File([markdown], 'draft.md', { type: 'text/markdown' }));
    const response = await bed.app.admin.api.request('POST', '/api/documents/import', form);
    if (response.status !== 201) throw new Error(`import: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { id: string }).id;
  }

  async function recommendations(documentId: string): Promise<Recommendation[]> {
    const response = await bed.app.admin.api.request('GET', `/api/documents/${documentId}/recommendations`);
    return (await response.json()) as Recommendation[];
  }

  async function open(url: string, name: string, color: string): Promise<EditorPage> {
    const context = await bed.newContext({ width: 1400, height: 900 });
    const documentId = new URL(url).pathname.split('/').pop()!;
    await signIn(context, await bed.app.addPerson(documentId, name, 'rapporteur'), color);
    const page: Page = await context.newPage();
    await page.goto(url);
    const editor = new EditorPage(page);
    await editor.ready();
    await editor.waitForConnection('connected');
    return editor;
  }

  /** The recommendations panel, in its tab of the side column. */
  async function recommendationsPanel(page: Page): Promise<Locator> {
    await page.getByRole('tab', { name: /Recommendations/ }).click();
    return page.getByRole('tabpanel', { name: /Recommendations/ });
  }

  it('one tags through the popover with the keyboard; the other sees the chip and finds it with the panel filter', async () => {
    const documentId = await importDraft(DRAFT);
    const [, second] = await recommendations(documentId);
    expect(second?.text).toContain('The Secretariat should report');
    const url = `${bed.app.url}/d/${documentId}`;
    const amina = await open(url, 'Amina Diallo', '#0f766e');
    const kenji = await open(url, 'Kenji Sato', '#7b3fa0');

    // Numbers are computed and shown in the margin, never written into the text.
    await expect
      .poll(() =>
        amina.page
          .locator('.rec-badge')
          .evaluateAll((badges) => badges.map((b) => b.getAttribute('data-label'))),
      )
      .toEqual(['R1', 'R2', 'R3']);
    expect(await amina.textContent()).not.toMatch(/R\d/);

    // Amina puts her cursor in the second recommendation; from there on, only the keyboard.
    await amina.page.locator('.ProseMirror li', { hasText: 'aeromedical evacuation' }).click();
    await amina.page.keyboard.press('ControlOrMeta+Alt+r');
    const popover = amina.page.getByRole('dialog', { name: 'Tags of recommendation 2' });
    await popover.waitFor();
    await expect
      .poll(() => amina.page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('combobox');

    await amina.page.keyboard.type('medical sup');
    await amina.page.keyboard.press('Enter');
    await popover.getByRole('option', { name: 'Medical support and capacity', selected: true }).waitFor();
    await amina.page.keyboard.press('Tab');
    await amina.page.keyboard.type('secretariat');
    await amina.page.keyboard.press('Enter');
    await popover.getByRole('option', { name: 'UN Secretariat (DPO, DOS)', selected: true }).waitFor();

    await amina.page.keyboard.press('Escape');
    await popover.waitFor({ state: 'detached' });
    // Escape puts the keyboard back in the text, where it was (once the popover has unmounted).
    await expect
      .poll(() => amina.page.evaluate(() => document.activeElement?.classList.contains('ProseMirror')), {
        timeout: 5_000,
      })
      .toBe(true);

    // Kenji sees the chips appear beside that recommendation.
    const kenjiChips = kenji.page.locator(`.rec-chips[data-rec-id="${second!.id}"]`);
    await kenjiChips.locator('.rec-chip--theme[data-label="Medical support and capacity"]').waitFor();
    await kenjiChips.locator('.rec-chip--addressee[data-label="UN Secretariat (DPO, DOS)"]').waitFor();

    // His panel's theme filter finds it, and only it.
    const panel = await recommendationsPanel(kenji.page);
    await panel.getByLabel('Theme').selectOption({ label: 'Medical support and capacity' });
    const items = panel.getByRole('list', { name: 'Recommendations' }).getByRole('listitem');
    await expect
      .poll(() => items.allTextContents())
      .toEqual([expect.stringContaining('aeromedical evacuation')]);
    await panel.getByText('1 of 3 shown').waitFor();

    // A click jumps there: cursor in the recommendation, which lights up for a moment.
    await items.first().getByRole('button').click();
    await kenji.page.locator(`.rec--flash[data-rec="${second!.id}"]`).waitFor();
    await expect
      .poll(() => kenji.page.evaluate(selectedBlockText))
      .toContain('The Secretariat should report');

    // The tags are in the shared document, so the server's API has them too.
    await expect.poll(async () => (await recommendations(documentId))[1]?.themes).toEqual(['medical']);
  });

  it('lists a tagged recommendation in the register, whose link opens the document at it', async () => {
    const documentId = await importDraft(DRAFT.replace('Field Medicine', 'Medical Logistics'));
    const [, , third] = await recommendations(documentId);
    const tagged = await bed.app.admin.api.request(
      'PUT',
      `/api/documents/${documentId}/recommendations/${third!.id}/tags`,
      {
        themes: ['partnerships'],
        addressees: ['host-states'],
        status: 'agreed',
      },
    );
    expect(tagged.status).toBe(200);
    // The register reads an index the server updates a moment after each change.
    await expect
      .poll(async () => {
        const response = await bed.app.admin.api.request('GET', '/api/recommendations?theme=partnerships');
        return ((await response.json()) as Array<{ id: string }>).map((row) => row.id);
      })
      .toContain(third!.id);

    const context = await bed.newContext({ width: 1400, height: 900 });
    await signIn(context, await bed.app.addPerson(documentId, 'Sofía Reyes', 'rapporteur'), '#b45309');
    const page = await context.newPage();
    await page.goto(`${bed.app.url}/register?theme=partnerships`);
    const row = page.getByRole('row', { name: /customs clearance of medical supplies/ });
    await row.waitFor();
    await row.getByText('Agreed by co-hosts').waitFor();

    await row.getByRole('link', { name: /customs clearance/ }).click();
    await expect.poll(() => new URL(page.url()).hash).toBe(`#rec-${third!.id}`);
    await page.locator(`.rec--flash[data-rec="${third!.id}"]`).waitFor();
    await expect.poll(() => page.evaluate(selectedBlockText)).toContain('customs clearance');
  });
});

// Runs in the page: the text of the block the cursor is in (a text node may be split by others' carets).
function selectedBlockText(): string {
  const anchor = window.getSelection()?.anchorNode;
  const element = anchor instanceof Element ? anchor : anchor?.parentElement;
  return element?.closest('li, p')?.textContent ?? '';
}
