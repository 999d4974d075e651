import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { ADMIN, startApp, type RunningApp } from './support/app.ts';
import { describeInBrowser, launchBrowser } from './support/browser.ts';
import { EditorPage } from './support/editorPage.ts';

describeInBrowser('accounts: first run, signing in and out', () => {
  let browser: Browser;
  const apps: RunningApp[] = [];
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    for (const app of apps) await app.close();
  });

  async function freshPage(): Promise<Page> {
    context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    return context.newPage();
  }

  async function signInWith(page: Page, email: string, password: string): Promise<void> {
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  it('on first run creates the administrator, who lands signed in', async () => {
    const app = await startApp({ setup: false });
    apps.push(app);
    const page = await freshPage();
    await page.goto(app.url);

    await page.getByRole('heading', { name: 'Create the first account' }).waitFor();
    await page.getByLabel('Your name').fill('Amina Diallo');
    await page.getByLabel('Email').fill('amina@plenary.test');
    await page.getByLabel('Password', { exact: true }).fill('too short');
    await page.getByLabel('Confirm password').fill('too short');
    await page.getByRole('button', { name: 'Create the account' }).click();
    await page.getByText('Use at least 10 characters.').waitFor();

    await page.getByLabel('Password', { exact: true }).fill('a long enough password');
    await page.getByLabel('Confirm password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create the account' }).click();

    await page.getByRole('heading', { name: 'Documents', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Account: Amina Diallo' }).waitFor();
    // Once an account exists there is no setup any more, for anyone.
    const again = await fetch(`${app.url}/api/auth/state`);
    expect(await again.json()).toEqual(expect.objectContaining({ setupRequired: false }));
  });

  it('signs in from the page asked for, says when the password is wrong, and signs out', async () => {
    const app = await startApp();
    apps.push(app);
    const id = await app.createDocument('Chair’s Summary: Preparatory Meeting on Logistics');
    const page = await freshPage();
    await page.goto(`${app.url}/d/${id}`);

    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signInWith(page, ADMIN.email, 'not the password');
    await page.getByRole('alert').getByText('Wrong email or password.').waitFor();

    await signInWith(page, ADMIN.email, ADMIN.password);
    // Back where the person was going: the document, in the editor.
    const editor = new EditorPage(page);
    await editor.ready();
    expect(new URL(page.url()).pathname).toBe(`/d/${id}`);
    await page.getByRole('heading', { name: 'Chair’s Summary: Preparatory Meeting on Logistics' }).waitFor();

    await page.getByRole('button', { name: `Account: ${ADMIN.name}` }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // The session is over on the server too.
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(401);
  });

  it('sends an open editor to the sign-in page when its session ends elsewhere, and back after', async () => {
    const app = await startApp();
    apps.push(app);
    const id = await app.createDocument('Chair’s Summary: Preparatory Meeting on Engineering');
    const kenji = await app.addPerson(id, 'Kenji Sato', 'rapporteur');
    const page = await freshPage();
    await context!.addCookies(kenji.api.cookies());
    await page.goto(`${app.url}/d/${id}`);
    const editor = new EditorPage(page);
    await editor.ready();
    await editor.waitForConnection('connected');

    // The same session signs out from elsewhere: the server closes its socket with 4401.
    await kenji.api.expect(204, 'POST', '/api/auth/logout');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 10_000 });
    await page.getByText('Your session ended.').waitFor();

    await signInWith(page, kenji.email, kenji.password);
    await editor.ready();
    expect(new URL(page.url()).pathname).toBe(`/d/${id}`);
  });

  it('changes the password only with the current one', async () => {
    const app = await startApp();
    apps.push(app);
    const page = await freshPage();
    await context!.addCookies(app.admin.api.cookies());
    await page.goto(`${app.url}/account`);
    const change = async (current: string) => {
      await page.getByLabel('Current password').fill(current);
      await page.getByLabel('New password', { exact: true }).fill('an entirely new password');
      await page.getByLabel('Confirm new password').fill('an entirely new password');
      await page.getByRole('button', { name: 'Change password' }).click();
    };
    await change('not my password');
    await page.getByRole('alert').getByText('The current password is wrong.').waitFor();
    await change(ADMIN.password);
    await page.getByText('Password changed.').waitFor();

    const signIn = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN.email, password: 'an entirely new password' }),
    });
    expect(signIn.status).toBe(200);
  });

  it('makes an API token shown once, which works until revoked', async () => {
    const app = await startApp();
    apps.push(app);
    const page = await freshPage();
    await context!.addCookies(app.admin.api.cookies());
    await page.goto(`${app.url}/account`);
    await page.getByLabel('Token name').fill('Nightly export');
    await page.getByRole('button', { name: 'Make token' }).click();
    const token = await page.getByLabel('The new token Nightly export').inputValue();
    const asScript = () =>
      fetch(`${app.url}/api/documents`, { headers: { authorization: `Bearer ${token}` } });
    expect((await asScript()).status).toBe(200);

    // Listed, but never shown again.
    await page.reload();
    const list = page.getByRole('list', { name: 'Your API tokens' });
    await list.getByText('Nightly export').waitFor();
    expect(await page.getByLabel('The new token Nightly export').count()).toBe(0);

    await list.getByRole('button', { name: 'Revoke Nightly export' }).click();
    await page.getByText('You have no tokens.').waitFor();
    expect((await asScript()).status).toBe(401);
  });

  it('after repeated failures says how long to wait', async () => {
    const app = await startApp();
    apps.push(app);
    const page = await freshPage();
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const alert = page.getByRole('alert');
    // Five failures per email in 15 minutes, then 429 with Retry-After (docs/access.md).
    await expect
      .poll(
        async () => {
          await signInWith(page, 'someone@plenary.test', 'a wrong password');
          await alert.waitFor();
          return alert.textContent();
        },
        { timeout: 30_000, interval: 0 },
      )
      .toMatch(/^Too many attempts\. Try again in \d+ (minutes?|seconds?)\.$/);
  });
});
