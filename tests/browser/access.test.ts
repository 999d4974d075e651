import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Person } from './support/app.ts';
import { describeInBrowser } from './support/browser.ts';
import { EditorPage, signIn } from './support/editorPage.ts';
import { useTestBed } from './support/testBed.ts';

describeInBrowser('roles, approvals and the final lock', () => {
  const bed = useTestBed();

  async function open(documentId: string, person: Person): Promise<EditorPage> {
    const context = await bed.newContext();
    await signIn(context, person);
    const page = await context.newPage();
    await page.goto(`${bed.app.url}/d/${documentId}`);
    const editor = new EditorPage(page);
    await editor.page.locator('.ProseMirror').waitFor();
    await editor.waitForConnection('connected');
    return editor;
  }

  function isEditable(editor: EditorPage): Promise<string | null> {
    return editor.text.getAttribute('contenteditable');
  }

  async function tab(page: Page, name: string) {
    await page.getByRole('tab', { name }).click();
    return page.getByRole('tabpanel', { name });
  }

  it("keeps an observer's editor read-only while a rapporteur's edit reaches the co-host", async () => {
    const id = await bed.app.createDocument('Chair’s Summary: Preparatory Meeting on Training');
    const amina = await open(id, await bed.app.addPerson(id, 'Amina Diallo', 'co-host', 'Senegal'));
    const kenji = await open(id, await bed.app.addPerson(id, 'Kenji Sato', 'rapporteur'));
    const sofia = await open(id, await bed.app.addPerson(id, 'Sofía Reyes', 'observer'));

    expect(await isEditable(sofia)).toBe('false');
    await sofia.page.getByText('Read only.').waitFor();
    // The structure panels only show: their fields are disabled.
    const meeting = await tab(sofia.page, 'Meeting');
    expect(await meeting.getByLabel('Meeting title').isDisabled()).toBe(true);
    // Typing into the text changes nothing.
    await sofia.text.click();
    await sofia.page.keyboard.type('Observer text');

    await kenji.typeAtEnd('Participants stressed pre-deployment training.');
    await amina.waitForText('Participants stressed pre-deployment training.');
    await sofia.waitForText('Participants stressed pre-deployment training.');
    expect(await amina.textContent()).not.toContain('Observer text');
    expect(await sofia.textContent()).not.toContain('Observer text');
    // A rapporteur edits the text, not the structure.
    expect(await isEditable(kenji)).toBe('true');
    const kenjiMeeting = await tab(kenji.page, 'Meeting');
    expect(await kenjiMeeting.getByLabel('Meeting title').isDisabled()).toBe(true);
    // Nobody's app sent the server a change their role does not allow.
    expect(await bed.app.refusedUpdates()).toBe(0);
  });

  it('locks the text once the secretariat requests approval and every co-host approves', async () => {
    const id = await bed.app.createDocument('Co-Chairs’ Summary: Preparatory Meeting on Partnerships');
    const aminaAccount = await bed.app.addPerson(id, 'Amina Diallo', 'co-host');
    // The admin made the document, so is a co-host too; leave the approving to the delegation.
    await bed.app.admin.api.expect(204, 'DELETE', `/api/documents/${id}/members`, {
      email: bed.app.admin.email,
    });
    const amina = await open(id, aminaAccount);
    const sam = await open(id, await bed.app.addPerson(id, 'Sam Mensah', 'secretariat'));

    // Amina approves for her country, not in her own name: she says so in the members panel.
    const members = await tab(amina.page, 'Members');
    await members.getByRole('button', { name: 'Change the delegation of Amina Diallo' }).click();
    await members.getByLabel('Delegation of Amina Diallo').fill('Pakistan');
    await members.getByRole('button', { name: 'Save delegation' }).click();
    await members.locator('.member-list__meta', { hasText: 'approves for Pakistan' }).waitFor();

    await sam.typeAtEnd('The co-hosts thanked the participants.');
    await amina.waitForText('The co-hosts thanked the participants.');

    const approval = await tab(sam.page, 'Approval');
    await approval.getByRole('button', { name: 'Request approval' }).click();
    await approval.getByText('Awaiting approval').waitFor();

    // The co-host's page learns of the request by itself.
    await amina.page.locator('[data-banner="pending"]').waitFor({ timeout: 15_000 });
    const aminaApproval = await tab(amina.page, 'Approval');
    await aminaApproval.getByText('not yet').waitFor();
    await aminaApproval.getByRole('button', { name: 'Approve for Pakistan' }).click();

    for (const editor of [amina, sam]) {
      const banner = editor.page.locator('[data-banner="final"]');
      await banner.waitFor({ timeout: 15_000 });
      await expect.poll(() => banner.textContent(), { timeout: 10_000 }).toMatch(/SHA-256 [0-9a-f]{64}/);
      await expect.poll(() => isEditable(editor), { timeout: 15_000 }).toBe('false');
      await editor.waitForConnection('connected');
    }
    await sam.page.getByRole('button', { name: 'Export final' }).waitFor();
    expect(await bed.app.refusedUpdates()).toBe(0);

    // The audit log tells the story, newest first.
    const audit = await tab(amina.page, 'Audit');
    await expect
      .poll(() => audit.locator('li').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringMatching(/^Amina Diallo approved for Pakistan · /)]));

    // A co-host reopens it, saying why: both can edit again, and the log keeps the reason.
    const approvalAgain = await tab(amina.page, 'Approval');
    await approvalAgain.getByRole('button', { name: 'Reopen…' }).click();
    await approvalAgain.getByLabel('Why reopen it?').fill('Paragraph 3 needs a correction');
    await approvalAgain.getByRole('button', { name: 'Reopen document' }).click();
    for (const editor of [amina, sam]) {
      await expect.poll(() => isEditable(editor), { timeout: 15_000 }).toBe('true');
    }
    await tab(amina.page, 'Audit');
    await expect
      .poll(() => audit.locator('li').first().textContent(), { timeout: 10_000 })
      .toMatch(/^Amina Diallo reopened the document: “Paragraph 3 needs a correction” · /);
  });

  it('invites by email from the members panel; the link makes the account and a new role applies at once', async () => {
    const id = await bed.app.createDocument('Chair’s Summary: Preparatory Meeting on Gender');
    const amina = await open(id, await bed.app.addPerson(id, 'Amina Diallo', 'co-host', 'Ghana'));
    const members = await tab(amina.page, 'Members');
    await members.getByLabel('Email').fill('ana.lima@plenary.test');
    await members.getByLabel('Role', { exact: true }).selectOption('observer');
    await members.getByRole('button', { name: 'Add', exact: true }).click();
    const link = await members.getByLabel('Invitation link for ana.lima@plenary.test').inputValue();
    expect(link).toMatch(/\/invite\/[^/]+$/);

    const context = await bed.newContext();
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole('heading', { name: 'Join Plenary' }).waitFor();
    await page.getByText('Chair’s Summary: Preparatory Meeting on Gender').waitFor();
    await page.getByLabel('Your name').fill('Ana Lima');
    await page.getByLabel('Password', { exact: true }).fill('ana lima password');
    await page.getByLabel('Confirm password').fill('ana lima password');
    await page.getByRole('button', { name: 'Accept and open' }).click();
    const ana = new EditorPage(page);
    await page.waitForURL(`**/d/${id}`);
    await ana.waitForConnection('connected');
    await expect.poll(() => isEditable(ana)).toBe('false');

    // The co-host makes her a rapporteur: her socket reconnects (4409) and her editor opens up.
    await members.getByLabel('Role of Ana Lima').selectOption('rapporteur');
    await expect.poll(() => isEditable(ana), { timeout: 10_000 }).toBe('true');
    await ana.typeAtEnd('Gender advisers were welcomed.');
    await amina.waitForText('Gender advisers were welcomed.');

    // The link was for one use.
    const again = await (await bed.newContext()).newPage();
    await again.goto(link);
    await again.getByRole('heading', { name: 'This invitation can no longer be used' }).waitFor();
  });

  it('shows a person whose role is removed that their access is gone, within seconds', async () => {
    const id = await bed.app.createDocument('Chair’s Summary: Preparatory Meeting on Security');
    const kenjiAccount = await bed.app.addPerson(id, 'Kenji Sato', 'rapporteur');
    const kenji = await open(id, kenjiAccount);

    await bed.app.admin.api.expect(204, 'DELETE', `/api/documents/${id}/members`, {
      email: kenjiAccount.email,
    });
    await kenji.page
      .getByRole('heading', { name: 'Your access to this document was removed' })
      .waitFor({ timeout: 10_000 });
  });

  it('shows names and meeting details with markup as text, running nothing', async () => {
    const title = '<script>window.__pwned = 1</script>Summary';
    const id = await bed.app.createDocument(title, {
      template: 'chairs-summary',
      meeting: { title: '<script>window.__pwned = 2</script>Meeting' },
    });
    const attacker = '<img src=x onerror=alert(1)>';
    const amina = await open(id, await bed.app.addPerson(id, 'Amina Diallo', 'co-host'));
    const dialogs: string[] = [];
    amina.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    // The name travels in presence too: on the caret and in "who is here".
    await open(id, await bed.app.addPerson(id, attacker, 'rapporteur'));
    await amina.presence.getByText(attacker, { exact: true }).waitFor();
    const members = await tab(amina.page, 'Members');
    await members.getByText(attacker, { exact: true }).waitFor();
    await amina.page.getByRole('heading', { name: title }).waitFor();
    await amina.page
      .locator('.title-block__title', { hasText: '<script>window.__pwned = 2</script>Meeting' })
      .waitFor();
    await amina.page.goto(bed.app.url);
    await amina.page.getByText(title, { exact: true }).waitFor();

    expect(await amina.page.locator('img[src="x"]').count()).toBe(0);
    expect(await amina.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });
});
