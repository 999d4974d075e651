import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Person } from './app.ts';

/** The editor page, as a user sees it. Waits for elements instead of sleeping. */
export class EditorPage {
  constructor(readonly page: Page) {}

  get text(): Locator {
    return this.page.locator('.ProseMirror');
  }

  get connection(): Locator {
    return this.page.locator('.connection');
  }

  get presence(): Locator {
    return this.page.locator('.presence');
  }

  /** The caret label another person's caret carries in this page. */
  caretOf(name: string): Locator {
    return this.page.locator('.collaboration-carets__label', { hasText: name });
  }

  /** Waits until the editor accepts input (its content has loaded). */
  async ready(): Promise<void> {
    await this.page.locator('.ProseMirror[contenteditable="true"]').waitFor();
  }

  async waitForConnection(state: 'connected' | 'offline' | 'reconnecting'): Promise<void> {
    await this.page.locator(`.connection[data-connection="${state}"]`).waitFor();
  }

  /** Types at the end of the document, as a person would after clicking below the text. */
  async typeAtEnd(text: string): Promise<void> {
    await this.text.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.type(text);
  }

  /** The document's text, without the name labels of other people's carets. */
  async textContent(): Promise<string> {
    return this.page.evaluate(documentText);
  }

  /** Resolves once the document's text contains `fragment`; fails showing the text it had. */
  async waitForText(fragment: string, timeout = 15_000): Promise<void> {
    await expect.poll(() => this.textContent(), { timeout, interval: 50 }).toContain(fragment);
  }
}

/**
 * Signs `person` in within the browser context: the context then holds their session cookie,
 * as after the sign-in page. A colour, when given, is set before any page script runs.
 */
export async function signIn(context: BrowserContext, person: Person, color?: string): Promise<void> {
  await context.addCookies(person.api.cookies());
  if (color) {
    await context.addInitScript((value) => {
      window.localStorage.setItem('plenary:color', JSON.stringify(value));
    }, color);
  }
}

// Runs in the page: carets are widgets inside the editable element, their labels are text.
function documentText(): string {
  const root = document.querySelector('.ProseMirror');
  if (!root) return '';
  const copy = root.cloneNode(true) as Element;
  for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
  return copy.textContent ?? '';
}
