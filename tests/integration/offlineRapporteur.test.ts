import * as Y from 'yjs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember } from '../support/credentials.ts';
import { appendParagraph, connectClient, contentOf, type TestClient } from './support/clients.ts';
import { autoCleanup } from './support/cleanup.ts';
import { createDocument } from './support/http.ts';
import { TestServer } from './support/server.ts';
import { waitFor } from './support/waitFor.ts';

/**
 * A rapporteur (no structure right: every update is checked) edits offline and comes back, in a
 * document whose structure has changed meanwhile and before: everything reaches everyone, and
 * nothing is refused. Stock y-websocket clients against the real server.
 */
let server: TestServer;
const cleanup = autoCleanup();

beforeAll(async () => {
  server = await TestServer.start();
});

afterAll(async () => {
  await server?.dispose();
});

async function errorCount(kind: string): Promise<number> {
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  const match = new RegExp(`^plenary_errors_total\\{kind="${kind}"\\} (\\d+)`, 'm').exec(metrics);
  return match ? Number(match[1]) : 0;
}

function client(documentId: string, token?: string): TestClient {
  const c = connectClient(server.url, documentId, token ? { token } : {});
  cleanup(() => c.destroy());
  return c;
}

it('merges a rapporteur’s offline edits after the structure changed, and keystrokes sent on reconnect', async () => {
  const { id } = await createDocument(server.url, 'Chair’s summary: Protection of Civilians');
  const rapporteurToken = (
    await addMember(server.url, id, {
      email: 'rapporteur@example.org',
      name: 'Amina Diallo',
      role: 'rapporteur',
    })
  ).token;
  const refusedBefore = await errorCount('update_refused');
  const unplaceableBefore = await errorCount('update_unplaceable');

  // The secretariat (here the admin) renames the venue: the structure now has a deletion.
  const secretariat = client(id);
  await secretariat.synced;
  secretariat.doc.getMap('meeting').set('venue', 'Accra');
  secretariat.doc.getMap('meeting').set('venue', 'Kumasi');

  const rapporteur = client(id, rapporteurToken);
  await rapporteur.synced;
  await waitFor(() => rapporteur.doc.getMap('meeting').get('venue') === 'Kumasi', { what: 'venue' });
  appendParagraph(rapporteur.doc, 'Online finding.');
  await waitFor(() => contentOf(secretariat.doc).body.includes('Online finding.'), { what: 'online edit' });

  // Offline: the rapporteur writes; the structure changes again meanwhile.
  rapporteur.provider.disconnect();
  appendParagraph(rapporteur.doc, 'Offline finding one.');
  appendParagraph(rapporteur.doc, 'Offline finding two.');
  secretariat.doc.getMap('meeting').set('venue', 'Tamale');
  appendParagraph(secretariat.doc, 'Secretariat note.');

  // Back online, typing at once: these keystrokes can reach the server before the sync step 2
  // that carries the offline ones they build on.
  rapporteur.provider.connect();
  const paragraph = rapporteur.doc
    .getXmlFragment('body')
    .toArray()
    .find((node) => node.toString().includes('Offline finding two.')) as Y.XmlElement;
  (paragraph.get(0) as Y.XmlText).insert('Offline finding two.'.length, ' Typed on reconnect.');

  const expected = ['Offline finding one.', 'Offline finding two. Typed on reconnect.', 'Secretariat note.'];
  await waitFor(() => expected.every((text) => contentOf(secretariat.doc).body.includes(text)), {
    what: 'the offline edits at the secretariat',
  });
  await waitFor(() => contentOf(rapporteur.doc).body === contentOf(secretariat.doc).body, {
    what: 'both copies equal',
  });
  expect(rapporteur.doc.getMap('meeting').get('venue')).toBe('Tamale');
  expect(await errorCount('update_refused')).toBe(refusedBefore);
  expect(await errorCount('update_unplaceable')).toBe(unplaceableBefore);
});
