import type { Locator, Page } from 'playwright-core';

/** The new-summary dialog on the documents page, as a person fills it in. */
export class NewSummaryDialog {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'New summary' }).click();
    await this.dialog.getByRole('heading', { name: 'New summary' }).waitFor();
  }

  /** Title, template and sessions typed up front, then "Create summary"; resolves in the editor. */
  async create(options: { title: string; template: string; sessions: string[] }): Promise<void> {
    await this.dialog.getByLabel('Title', { exact: true }).fill(options.title);
    await this.dialog.getByRole('radio', { name: options.template }).check();
    await this.dialog.locator('summary', { hasText: 'Meeting details' }).click();
    for (const [index, title] of options.sessions.entries()) {
      await this.dialog.getByRole('button', { name: 'Add session' }).click();
      await this.dialog.getByLabel(`Session ${index + 1}: title`).fill(title);
    }
    await this.dialog.getByRole('button', { name: 'Create summary' }).click();
    await this.page.waitForURL(/\/d\//);
  }
}

/** The side column's sessions panel. */
export class SessionsPanel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByRole('tabpanel', { name: 'Sessions' });
  }

  async show(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Sessions' }).click();
  }

  /** Unfolds session `number`'s details (its card's toggle is named "Session N: title"). */
  async expand(number: number): Promise<Locator> {
    const toggle = this.panel.getByRole('button', { name: new RegExp(`^Session ${number}:`) });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    return this.panel.locator('.session-card').nth(number - 1);
  }
}

/** The session headings in the text, as rendered ("Session 2 – Title"). */
export function sessionHeadings(page: Page): Promise<string[]> {
  return page.locator('.ProseMirror .session-heading__title').allTextContents();
}
