import { expect, it } from 'vitest';
import type { Person } from './support/app.ts';
import { describeInBrowser } from './support/browser.ts';
import { EditorPage, signIn } from './support/editorPage.ts';
import { useTestBed } from './support/testBed.ts';

describeInBrowser('editing while offline', () => {
  const bed = useTestBed();

  async function open(url: string, person: Person, color: string) {
    const context = await bed.newContext({ width: 1360, height: 900 });
    await signIn(context, person, color);
    const page = await context.newPage();
    await page.goto(url);
    const editor = new EditorPage(page);
    await editor.ready();
    await editor.waitForConnection('connected');
    return { context, page, editor };
  }

  it('keeps offline edits across a reload and merges them when back online', async () => {
    const id = await bed.app.createDocument("Chair's Summary: Safety and Security of Peacekeepers");
    const url = `${bed.app.url}/d/${id}`;
    const amina = await open(url, await bed.app.addPerson(id, 'Amina Diallo', 'rapporteur'), '#0f766e');
    const kenji = await open(url, await bed.app.addPerson(id, 'Kenji Sato', 'rapporteur'), '#7b3fa0');

    await amina.editor.typeAtEnd('Opening remarks.');
    await kenji.editor.waitForText('Opening remarks.');

    // The service worker must control the page before the network goes, or a reload has
    // nothing to load the app from.
    await amina.page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    await amina.context.setOffline(true);
    await amina.editor.waitForConnection('offline');
    await amina.editor.typeAtEnd(' Offline point.');
    await amina.editor.connection.getByText(/^\d+ changes? not yet saved$/).waitFor();
    const unsaved = Number.parseInt(
      (await amina.editor.connection.locator('.connection__detail').textContent()) ?? '',
      10,
    );
    expect(unsaved).toBeGreaterThan(0);

    // Reloading while offline: the shell comes from the service worker, the text from IndexedDB,
    // and the count of what the server has not seen survives too.
    await amina.page.reload();
    await amina.editor.ready();
    await amina.editor.waitForText('Opening remarks. Offline point.');
    await amina.editor.waitForConnection('offline');
    await amina.editor.connection.getByText(`${unsaved} changes not yet saved`).waitFor();

    // Meanwhile Kenji, online, keeps writing.
    await kenji.editor.typeAtEnd(' Online point.');

    await amina.context.setOffline(false);
    await amina.editor.waitForConnection('connected');
    await amina.editor.connection.getByText('All changes saved').waitFor();

    await amina.editor.waitForText('Online point.');
    await kenji.editor.waitForText('Offline point.');
    await expect
      .poll(async () => (await amina.editor.textContent()) === (await kenji.editor.textContent()))
      .toBe(true);
    const merged = await kenji.editor.textContent();
    expect(merged).toContain('Opening remarks.');
    expect(merged).toContain('Offline point.');
    expect(merged).toContain('Online point.');
  });

  it('keeps the last keystrokes when the page reloads before the cache has written them', async () => {
    const id = await bed.app.createDocument("Chair's Summary: Capacity Building and Training");
    const url = `${bed.app.url}/d/${id}`;
    const amina = await open(url, await bed.app.addPerson(id, 'Amina Diallo', 'rapporteur'), '#0f766e');
    await amina.editor.typeAtEnd('Opening remarks.');
    await amina.page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    // Another page of the same origin holds a write transaction on the document's cache, so
    // that the editor's own writes wait behind it, as they do on a busy or slow device.
    const holder = await amina.context.newPage();
    await holder.goto(`${bed.app.url}/api/health`);
    await holder.evaluate(holdCache, `plenary-doc-${id}`);

    await amina.context.setOffline(true);
    await amina.editor.waitForConnection('offline');
    await amina.editor.typeAtEnd(' Last words.');
    await amina.editor.connection.getByText(/^\d+ changes? not yet saved$/).waitFor();
    // The page goes away with those writes still waiting: the browser drops them.
    await amina.page.reload({ waitUntil: 'commit' });
    await holder.evaluate(() => (window as unknown as { releaseCache: () => void }).releaseCache());

    await amina.editor.ready();
    await amina.editor.waitForText('Opening remarks. Last words.');

    await amina.context.setOffline(false);
    await amina.editor.waitForConnection('connected');
    await amina.editor.connection.getByText('All changes saved').waitFor();
    const kenji = await open(url, await bed.app.addPerson(id, 'Kenji Sato', 'rapporteur'), '#7b3fa0');
    await kenji.editor.waitForText('Opening remarks. Last words.');
  });
});

// Runs in the page: opens the database and keeps a read-write transaction on its updates busy
// until `releaseCache()` is called.
function holdCache(name: string): Promise<void> {
  return new Promise((held, failed) => {
    const request = indexedDB.open(name);
    request.onerror = () => failed(request.error);
    request.onsuccess = () => {
      const db = request.result;
      let released = false;
      (window as unknown as { releaseCache: () => void }).releaseCache = () => (released = true);
      const transaction = db.transaction(['updates'], 'readwrite');
      const store = transaction.objectStore('updates');
      const spin = () => {
        if (!released) store.get(0).onsuccess = spin;
      };
      spin();
      transaction.oncomplete = () => db.close();
      held();
    };
  });
}
