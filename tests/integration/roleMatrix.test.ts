import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, authedFetch, fetchAs, tokenFor, type TestUser } from '../support/credentials.ts';
import { createDocument, upgradeStatus } from './support/http.ts';
import { RawPeer } from './support/rawPeer.ts';
import { TestServer } from './support/server.ts';

/**
 * Every role × every action, on REST and on the websocket, against the table in docs/access.md.
 * The expectations are written out here, not derived from the code's matrix, so a change to
 * either shows up as a failure.
 */
type Who = 'admin' | 'coHost' | 'rapporteur' | 'secretariat' | 'observer' | 'outsider';
const WHO: readonly Who[] = ['admin', 'coHost', 'rapporteur', 'secretariat', 'observer', 'outsider'];

const REST: Record<string, readonly Who[]> = {
  read: ['admin', 'coHost', 'rapporteur', 'secretariat', 'observer'],
  content: ['admin', 'coHost', 'rapporteur', 'secretariat', 'observer'],
  members: ['admin', 'coHost', 'rapporteur', 'secretariat', 'observer'],
  status: ['admin', 'coHost', 'rapporteur', 'secretariat', 'observer'],
  exportDraft: ['admin', 'coHost', 'rapporteur', 'secretariat', 'observer'],
  recommendations: ['admin', 'coHost', 'rapporteur', 'secretariat', 'observer'],
  tag: ['admin', 'coHost', 'rapporteur', 'secretariat'],
  addMember: ['admin', 'coHost'],
  audit: ['admin', 'coHost', 'secretariat'],
  requestApproval: ['admin', 'secretariat'],
  approve: ['admin', 'coHost'],
  reopen: ['admin', 'coHost'],
};

const WEBSOCKET: Record<string, readonly Who[]> = {
  connect: ['admin', 'coHost', 'rapporteur', 'secretariat', 'observer'],
  editText: ['admin', 'coHost', 'rapporteur', 'secretariat'],
  editStructure: ['admin', 'secretariat'],
};

const DRAFT = [
  '# Chair’s Summary — Preparatory Meeting on Protection of Civilians',
  '',
  '## Session 1: Early warning',
  '',
  'Findings.',
  '',
  '## Recommendations',
  '',
  '1. Member States should fund community alert networks.',
].join('\n');

let server: TestServer;
let documentId: string;
let recId: string;
const tokens = {} as Record<Who, string>;

beforeAll(async () => {
  server = await TestServer.start();
  const form = new FormData();
  form.set('file', new File([DRAFT], 'summary.md'));
  const imported = await authedFetch(`${server.url}/api/documents/import`, { method: 'POST', body: form });
  documentId = ((await imported.json()) as { id: string }).id;
  const recs = (await (
    await authedFetch(`${server.url}/api/documents/${documentId}/recommendations`)
  ).json()) as Array<{ id: string }>;
  recId = recs[0]!.id;
  tokens.admin = tokenFor(server.url);
  const members: Array<[Who, string, string?]> = [
    ['coHost', 'co-host', 'Pakistan'],
    ['rapporteur', 'rapporteur'],
    ['secretariat', 'secretariat'],
    ['observer', 'observer'],
  ];
  for (const [who, role, delegation] of members) {
    const user: TestUser = await addMember(server.url, documentId, {
      email: `${who.toLowerCase()}@example.org`,
      name: `The ${who}`,
      role,
      delegation,
    });
    tokens[who] = user.token;
  }
  // The outsider has an account and a document of their own, but no role on this one.
  const other = await createDocument(server.url, 'Another meeting');
  tokens.outsider = (
    await addMember(server.url, other.id, {
      email: 'outsider@example.org',
      name: 'Outsider',
      role: 'co-host',
    })
  ).token;
});

afterAll(async () => {
  await server?.dispose();
});

const state = async () =>
  (
    (await (await authedFetch(`${server.url}/api/documents/${documentId}/status`)).json()) as {
      state: string;
    }
  ).state;

async function asAdmin(path: string, body: unknown = {}): Promise<void> {
  const response = await authedFetch(`${server.url}/api/documents/${documentId}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status, `admin ${path}`).toBeLessThan(300);
}

/** Each REST action: puts the document in the state it needs, then tries it as `who`. */
const restActions: Record<string, (who: Who) => Promise<number>> = {
  read: async (who) =>
    (await fetchAs({ token: tokens[who] }, `${server.url}/api/documents/${documentId}`)).status,
  content: async (who) =>
    (await fetchAs({ token: tokens[who] }, `${server.url}/api/documents/${documentId}/content`)).status,
  members: async (who) =>
    (await fetchAs({ token: tokens[who] }, `${server.url}/api/documents/${documentId}/members`)).status,
  status: async (who) =>
    (await fetchAs({ token: tokens[who] }, `${server.url}/api/documents/${documentId}/status`)).status,
  exportDraft: async (who) =>
    (await fetchAs({ token: tokens[who] }, `${server.url}/api/documents/${documentId}/export.docx`)).status,
  recommendations: async (who) =>
    (await fetchAs({ token: tokens[who] }, `${server.url}/api/documents/${documentId}/recommendations`))
      .status,
  tag: async (who) =>
    (
      await fetchAs(
        { token: tokens[who] },
        `${server.url}/api/documents/${documentId}/recommendations/${recId}/tags`,
        {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ status: 'agreed' }),
        },
      )
    ).status,
  addMember: async (who) =>
    (
      await fetchAs({ token: tokens[who] }, `${server.url}/api/documents/${documentId}/members`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `invited-by-${who.toLowerCase()}@example.org`, role: 'observer' }),
      })
    ).status,
  audit: async (who) =>
    (await fetchAs({ token: tokens[who] }, `${server.url}/api/documents/${documentId}/audit`)).status,
  requestApproval: async (who) => {
    if ((await state()) !== 'draft') await asAdmin('/reopen');
    return (
      await fetchAs({ token: tokens[who] }, `${server.url}/api/documents/${documentId}/finalize`, {
        method: 'POST',
      })
    ).status;
  },
  approve: async (who) => {
    if ((await state()) !== 'pending') {
      if ((await state()) === 'final') await asAdmin('/reopen');
      await asAdmin('/finalize');
    }
    const status = (
      await fetchAs({ token: tokens[who] }, `${server.url}/api/documents/${documentId}/approvals`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // Only an admin names the delegation (co-hosts approve for their own).
        body: JSON.stringify({ delegation: 'Pakistan' }),
      })
    ).status;
    return status;
  },
  reopen: async (who) => {
    if ((await state()) === 'draft') await asAdmin('/finalize');
    return (
      await fetchAs({ token: tokens[who] }, `${server.url}/api/documents/${documentId}/reopen`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'role matrix' }),
      })
    ).status;
  },
};

describe('role matrix on REST', () => {
  for (const [action, allowed] of Object.entries(REST)) {
    it(`${action}: ${allowed.join(', ')}`, async () => {
      const outcome: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const who of WHO) {
        const status = await restActions[action]!(who);
        outcome[who] = status < 300 ? 'allow' : status === 403 ? 'deny' : `HTTP ${status}`;
        expected[who] = allowed.includes(who) ? 'allow' : 'deny';
      }
      expect(outcome).toEqual(expected);
      if ((await state()) !== 'draft') await asAdmin('/reopen');
    });
  }

  it('answers 401 to anonymous requests on every document route', async () => {
    for (const path of ['', '/content', '/members', '/status', '/audit', '/export.pdf', '/recommendations']) {
      expect((await fetch(`${server.url}/api/documents/${documentId}${path}`)).status, path).toBe(401);
    }
    expect((await fetch(`${server.url}/api/documents`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/recommendations`)).status).toBe(401);
  });
});

describe('role matrix on the websocket', () => {
  /** Whether an edit sent by `who` is in the committed document afterwards. */
  async function tryEdit(who: Who, edit: (doc: Y.Doc, marker: string) => void): Promise<'allow' | 'deny'> {
    const peer = await RawPeer.open(server.url, documentId, tokens[who]);
    try {
      peer.sendSyncStep1();
      await peer.roundTrip();
      const marker = `edit by ${who} ${Math.random().toString(36).slice(2)}`;
      peer.sendEdit((doc) => edit(doc, marker));
      // Frames on one socket are handled in order: after the round trip the edit was handled.
      await peer.roundTrip();
      const content = await (await authedFetch(`${server.url}/api/documents/${documentId}/content`)).text();
      return content.includes(marker) ? 'allow' : 'deny';
    } finally {
      peer.close();
    }
  }

  it(`connect: ${WEBSOCKET.connect!.join(', ')}`, async () => {
    const outcome: Record<string, string> = {};
    for (const who of WHO) {
      const status = await upgradeStatus(server.url, `/collab/${documentId}`, tokens[who]);
      outcome[who] = status === 101 ? 'allow' : status === 403 ? 'deny' : `HTTP ${status}`;
    }
    expect(outcome).toEqual(
      Object.fromEntries(WHO.map((w) => [w, WEBSOCKET.connect!.includes(w) ? 'allow' : 'deny'])),
    );
    expect(await upgradeStatus(server.url, `/collab/${documentId}`, null)).toBe(401);
    expect(await upgradeStatus(server.url, `/collab/${documentId}`, 'plt_forged')).toBe(401);
  });

  it(`edit the text: ${WEBSOCKET.editText!.join(', ')}`, async () => {
    const outcome: Record<string, string> = {};
    for (const who of WHO.filter((w) => w !== 'outsider')) {
      outcome[who] = await tryEdit(who, (doc, marker) => {
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(marker)]);
        const body = doc.getXmlFragment('body');
        body.insert(body.length, [paragraph]);
      });
    }
    expect(outcome).toEqual(
      Object.fromEntries(
        WHO.filter((w) => w !== 'outsider').map((w) => [
          w,
          WEBSOCKET.editText!.includes(w) ? 'allow' : 'deny',
        ]),
      ),
    );
  });

  it(`change the structure (meeting details): ${WEBSOCKET.editStructure!.join(', ')}`, async () => {
    const outcome: Record<string, string> = {};
    for (const who of WHO.filter((w) => w !== 'outsider')) {
      outcome[who] = await tryEdit(who, (doc, marker) => doc.getMap('meeting').set('venue', marker));
    }
    expect(outcome).toEqual(
      Object.fromEntries(
        WHO.filter((w) => w !== 'outsider').map((w) => [
          w,
          WEBSOCKET.editStructure!.includes(w) ? 'allow' : 'deny',
        ]),
      ),
    );
  });
});
