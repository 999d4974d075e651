import { expect, it } from 'vitest';
import type { Person } from './support/app.ts';
import { describeInBrowser } from './support/browser.ts';
import { EditorPage, signIn } from './support/editorPage.ts';
import { NewSummaryDialog, SessionsPanel, sessionHeadings } from './support/structure.ts';
import { useTestBed } from './support/testBed.ts';

// A fictional concept note in the usual layout: title, co-hosts, dates and venue, then sessions.
const CONCEPT_NOTE = `Preparatory Meeting on Medical Readiness for the 2027 UN Peacekeeping Ministerial
Co-hosted by Ghana and Japan
3-4 March 2027, Accra

Background

Peace operations ask more of their medical support than ever.

Programme

Session 1: Casualty evacuation in remote areas

How quickly do wounded peacekeepers reach surgical care?

Session 2: Field hopsitals: standards and staffing

Minimum standards, staffing rotations and supply chains.

Session 3: Training partnerships

Mobile training teams for medical personnel.
`;

describeInBrowser('the structure of a chair’s summary', () => {
  const bed = useTestBed();

  async function person(who: Person, color: string) {
    const context = await bed.newContext({ width: 1440, height: 950 });
    await signIn(context, who, color);
    return context.newPage();
  }

  /** Kenji joins the document Amina's page shows, as the secretariat (who may change sessions). */
  async function kenjiJoins(documentUrl: string) {
    const id = new URL(documentUrl).pathname.split('/').pop()!;
    return person(await bed.app.addPerson(id, 'Kenji Sato', 'secretariat'), '#7b3fa0');
  }

  async function openEditor(page: Awaited<ReturnType<typeof person>>, url?: string): Promise<EditorPage> {
    if (url) await page.goto(url);
    const editor = new EditorPage(page);
    await editor.ready();
    await editor.waitForConnection('connected');
    return editor;
  }

  it('a session renamed in the panel by one co-host is renamed in the other’s text', async () => {
    const aminaPage = await person(bed.app.admin, '#0f766e');
    await aminaPage.goto(bed.app.url);
    const dialog = new NewSummaryDialog(aminaPage);
    await dialog.open();
    await dialog.create({
      title: 'Co-Chairs’ Summary: Preparatory Meeting on Medical Capacity',
      template: 'Chair’s summary — preparatory meeting',
      sessions: ['Casualty evacuation', 'Field hospitals', 'Training partnerships'],
    });
    const amina = await openEditor(aminaPage);
    await expect
      .poll(() => sessionHeadings(aminaPage))
      .toEqual([
        'Session 1 – Casualty evacuation',
        'Session 2 – Field hospitals',
        'Session 3 – Training partnerships',
      ]);

    const kenjiPage = await kenjiJoins(aminaPage.url());
    const kenji = await openEditor(kenjiPage, aminaPage.url());
    const panel = new SessionsPanel(kenjiPage);
    await panel.show();
    const card = await panel.expand(2);
    await card.getByLabel('Title', { exact: true }).fill('Medical support in the field');

    await expect
      .poll(() => sessionHeadings(amina.page), { timeout: 15_000 })
      .toEqual([
        'Session 1 – Casualty evacuation',
        'Session 2 – Medical support in the field',
        'Session 3 – Training partnerships',
      ]);
    expect(await sessionHeadings(kenji.page)).toEqual(await sessionHeadings(amina.page));
  });

  it('reordering sessions moves their findings, and a removed session comes back with undo', async () => {
    const aminaPage = await person(bed.app.admin, '#0f766e');
    await aminaPage.goto(bed.app.url);
    const dialog = new NewSummaryDialog(aminaPage);
    await dialog.open();
    await dialog.create({
      title: 'Reorder test',
      template: 'Chair’s summary — preparatory meeting',
      sessions: ['Alpha', 'Bravo', 'Charlie'],
    });
    const amina = await openEditor(aminaPage);

    // Findings typed in Charlie's part travel with Charlie.
    await aminaPage.locator('.ProseMirror section[data-kind="session-findings"] > p').nth(2).click();
    await aminaPage.keyboard.type('Charlie’s findings.');
    const kenji = await openEditor(await kenjiJoins(aminaPage.url()), aminaPage.url());
    await kenji.waitForText('Charlie’s findings.');

    const panel = new SessionsPanel(kenji.page);
    await panel.show();
    await panel.panel.getByRole('button', { name: 'Move Session 3 – Charlie up' }).click();
    const order = ['Session 1 – Alpha', 'Session 2 – Charlie', 'Session 3 – Bravo'];
    await expect.poll(() => sessionHeadings(amina.page), { timeout: 15_000 }).toEqual(order);
    const partWithText = amina.page.locator('.ProseMirror section[data-kind="session-findings"]', {
      hasText: 'Charlie’s findings.',
    });
    await expect
      .poll(() => partWithText.locator('.session-heading__title').textContent())
      .toBe('Session 2 – Charlie');

    // Removing asks first; "Undo" brings back the session and its part, text and all.
    await panel.expand(2);
    await panel.panel.getByRole('button', { name: 'Remove session…' }).click();
    await panel.panel.getByRole('alertdialog').getByRole('button', { name: 'Remove session' }).click();
    await expect
      .poll(() => sessionHeadings(amina.page), { timeout: 15_000 })
      .toEqual(['Session 1 – Alpha', 'Session 2 – Bravo']);
    expect(await amina.textContent()).not.toContain('Charlie’s findings.');
    await panel.panel.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => sessionHeadings(amina.page), { timeout: 15_000 }).toEqual(order);
    await amina.waitForText('Charlie’s findings.');
  });

  it('builds the skeleton from a pasted concept note, after the person corrects it', async () => {
    const page = await person(bed.app.admin, '#0f766e');
    await page.goto(bed.app.url);
    const dialog = new NewSummaryDialog(page);
    await dialog.open();
    await dialog.dialog.getByRole('button', { name: 'Start from the concept note' }).click();

    // Text with no programme: a kind refusal that says what Plenary looks for.
    await dialog.dialog.getByLabel('Paste the concept note').fill('Thank you for your participation.');
    await dialog.dialog.getByRole('button', { name: 'Read the concept note' }).click();
    await dialog.dialog.getByRole('alert').getByText('found no sessions').waitFor();

    await dialog.dialog.getByLabel('Paste the concept note').fill(CONCEPT_NOTE);
    await dialog.dialog.getByRole('button', { name: 'Read the concept note' }).click();
    await dialog.dialog.getByRole('heading', { name: 'Check what Plenary found' }).waitFor();
    expect(await dialog.dialog.getByLabel('Meeting title').inputValue()).toContain(
      'Preparatory Meeting on Medical Readiness',
    );
    const coHost = (n: number) => dialog.dialog.getByRole('textbox', { name: `Co-host ${n}`, exact: true });
    expect(await coHost(1).inputValue()).toBe('Ghana');
    expect(await coHost(2).inputValue()).toBe('Japan');
    const second = dialog.dialog.getByLabel('Session 2: title');
    expect(await second.inputValue()).toBe('Field hopsitals: standards and staffing');
    await second.fill('Field hospitals: standards and staffing');
    await dialog.dialog.getByRole('button', { name: 'Create the summary with 3 sessions' }).click();

    const editor = await openEditor(page);
    await expect
      .poll(() => sessionHeadings(page))
      .toEqual([
        'Session 1 – Casualty evacuation in remote areas',
        'Session 2 – Field hospitals: standards and staffing',
        'Session 3 – Training partnerships',
      ]);
    await editor.waitForText('Co-hosted by Ghana and Japan');
    await editor.waitForText('Co-Chairs’ Summary');
  });
});
