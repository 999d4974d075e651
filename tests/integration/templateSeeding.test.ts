import { describe, expect, it } from 'vitest';
import { autoCleanup } from './support/cleanup.ts';
import { connectClient, type TestClient } from './support/clients.ts';
import { TestServer } from './support/server.ts';
import { waitFor } from './support/waitFor.ts';
import { authedFetch } from '../support/credentials.ts';

const cleanup = autoCleanup();

/** The body's top-level node names, as the editor would render them. */
function outline(client: TestClient): string[] {
  return client.doc
    .getXmlFragment('body')
    .toArray()
    .map((node) => ('nodeName' in node ? node.nodeName : 'text'));
}

describe('a template', () => {
  it('fills a new document exactly once: concurrent first joins and a restart never duplicate it', async () => {
    const server = await TestServer.start();
    cleanup(() => server.dispose());
    const response = await authedFetch(`${server.url}/api/documents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Seeding',
        template: 'chairs-summary',
        meeting: { title: 'Preparatory Meeting on Partnerships', coHosts: ['Ghana', 'Norway'] },
        sessions: [{ title: 'One' }, { title: 'Two' }],
      }),
    });
    const { id } = (await response.json()) as { id: string };

    // Five people open the new summary in the same instant.
    const first = Array.from({ length: 5 }, () => {
      const c = connectClient(server.url, id);
      cleanup(() => c.destroy());
      return c;
    });
    await Promise.all(first.map((c) => c.synced));
    const expected = outline(first[0]!);
    expect(expected.filter((n) => n === 'titleBlock')).toHaveLength(1);
    expect(expected.filter((n) => n === 'section')).toHaveLength(6); // overview, opening, 2 sessions, conclusions, recommendations
    for (const c of first) expect(outline(c)).toEqual(expected);
    expect(first[0]!.doc.getArray('sessions').length).toBe(2);

    await server.restart();
    const later = connectClient(server.url, id);
    cleanup(() => later.destroy());
    await later.synced;
    await waitFor(() => outline(later).length === expected.length, { what: 'the document after restart' });
    expect(outline(later)).toEqual(expected);
    expect(later.doc.getArray('sessions').length).toBe(2);
    expect(later.doc.getMap('meeting').get('coHosts')).toEqual(['Ghana', 'Norway']);
  });
});
