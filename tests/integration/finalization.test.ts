import { describe, expect, it } from 'vitest';
import { CloseCode } from '@plenary/protocol';
import { TEST_ADMIN, addMember, authedFetch, fetchAs, type TestUser } from '../support/credentials.ts';
import { readPdf, renderFirstPage } from '../support/pdf.ts';
import { autoCleanup } from './support/cleanup.ts';
import { appendParagraph, connectClient, contentOf, type TestClient } from './support/clients.ts';
import { createDocument } from './support/http.ts';
import { RawPeer } from './support/rawPeer.ts';
import { TestServer } from './support/server.ts';
import { waitFor } from './support/waitFor.ts';

const cleanup = autoCleanup();
const json = { 'content-type': 'application/json' };

interface Status {
  state: string;
  delegations: Array<{ delegation: string; approval: { name: string } | null }>;
  finalVersion: { id: string; sha256: string } | null;
}

/** A document with two co-host delegations, a secretariat and an observer; the admin steps back. */
async function meeting() {
  const server = await TestServer.start();
  cleanup(() => server.dispose());
  const { id } = await createDocument(server.url, 'Chair’s Summary — Preparatory Meeting on Performance');
  const people = {
    pakistan: await addMember(server.url, id, {
      email: 'pk@example.org',
      name: 'Amina Diallo',
      role: 'co-host',
      delegation: 'Pakistan',
    }),
    korea: await addMember(server.url, id, {
      email: 'kr@example.org',
      name: 'Min-jun Park',
      role: 'co-host',
      delegation: 'Republic of Korea',
    }),
    secretariat: await addMember(server.url, id, {
      email: 'dpo@example.org',
      name: 'Jonas Berg',
      role: 'secretariat',
    }),
    observer: await addMember(server.url, id, {
      email: 'obs@example.org',
      name: 'Observer',
      role: 'observer',
    }),
  };
  const removed = await authedFetch(`${server.url}/api/documents/${id}/members`, {
    method: 'DELETE',
    headers: json,
    body: JSON.stringify({ email: TEST_ADMIN.email }),
  });
  expect(removed.status).toBe(204);
  const as = (user: TestUser, path: string, body?: unknown) =>
    fetchAs(
      user,
      `${server.url}/api/documents/${id}${path}`,
      body === undefined ? {} : { method: 'POST', headers: json, body: JSON.stringify(body) },
    );
  const status = async (): Promise<Status> =>
    (await (await as(people.secretariat, '/status')).json()) as Status;
  const client = (user: TestUser): TestClient => {
    const c = connectClient(server.url, id, { token: user.token });
    cleanup(() => c.destroy());
    return c;
  };
  return { server, id, people, as, status, client };
}

describe('an observer', () => {
  it('receives the document, but its updates are not applied, stored or relayed', async () => {
    const { server, id, people, client } = await meeting();
    const coHost = client(people.pakistan);
    const secretariat = client(people.secretariat);
    await Promise.all([coHost.synced, secretariat.synced]);
    appendParagraph(secretariat.doc, 'Paragraph everyone sees.');
    await waitFor(() => contentOf(coHost.doc).body.includes('Paragraph everyone sees.'), {
      what: 'first paragraph',
    });

    const observer = await RawPeer.open(server.url, id, people.observer.token);
    cleanup(() => observer.close());
    observer.sendSyncStep1();
    await observer.roundTrip();
    expect(contentOf(observer.doc).body).toContain('Paragraph everyone sees.');
    observer.sendEdit((doc) => {
      appendParagraph(doc, 'Observer was here.');
      doc.getMap('meeting').set('title', 'Hijacked');
    });
    await observer.roundTrip();
    // A later edit from an editor reaches the co-host: by then the observer's would have too.
    appendParagraph(secretariat.doc, 'Marker after the observer.');
    await waitFor(() => contentOf(coHost.doc).body.includes('Marker after the observer.'), {
      what: 'marker',
    });
    expect(contentOf(coHost.doc).body).not.toContain('Observer was here.');
    expect(contentOf(coHost.doc).meeting.title).not.toBe('Hijacked');
    const stored = JSON.stringify(
      await (await authedFetch(`${server.url}/api/documents/${id}/content`)).json(),
    );
    expect(stored).not.toContain('Observer was here.');
    expect(stored).not.toContain('Hijacked');
    // The observer itself stays connected and keeps receiving.
    appendParagraph(secretariat.doc, 'Still watching.');
    await waitFor(() => contentOf(observer.doc).body.includes('Still watching.'), {
      what: 'observer still receives',
    });
  });
});

describe('finalization', () => {
  it('locks the document when every delegation approved the same text, and reopens on a co-host’s word', async () => {
    const { server, id, people, as, status, client } = await meeting();
    const editor = client(people.secretariat);
    await editor.synced;
    appendParagraph(editor.doc, 'The meeting agreed on the text below.');

    // Approvals cannot come before the request; only the secretariat requests.
    expect((await as(people.pakistan, '/approvals', {})).status).toBe(409);
    expect((await as(people.pakistan, '/finalize', {})).status).toBe(403);
    expect((await as(people.secretariat, '/finalize', {})).status).toBe(200);
    expect((await status()).state).toBe('pending');

    expect((await as(people.pakistan, '/approvals', {})).status).toBe(200);
    expect((await status()).delegations).toEqual([
      expect.objectContaining({
        delegation: 'Pakistan',
        approval: expect.objectContaining({ name: 'Amina Diallo' }),
      }),
      expect.objectContaining({ delegation: 'Republic of Korea', approval: null }),
    ]);

    // An edit after an approval resets it.
    appendParagraph(editor.doc, 'A late change.');
    await waitFor(async () => (await status()).delegations.every((d) => d.approval === null), {
      what: 'approvals reset',
    });

    expect((await as(people.pakistan, '/approvals', {})).status).toBe(200);
    const closedBefore = editor.closeCodes.length;
    const approved = (await (await as(people.korea, '/approvals', {})).json()) as Status;
    expect(approved.state).toBe('final');
    expect(approved.finalVersion?.sha256).toMatch(/^[0-9a-f]{64}$/);

    // Every socket was closed with AccessChanged and came back read-only.
    await waitFor(() => editor.closeCodes.slice(closedBefore).includes(CloseCode.AccessChanged), {
      what: 'editor told',
    });
    await waitFor(() => editor.provider.wsconnected && editor.provider.synced, { what: 'editor back' });
    appendParagraph(editor.doc, 'Edit after the lock.');
    const probe = await RawPeer.open(server.url, id, people.pakistan.token);
    cleanup(() => probe.close());
    probe.sendEdit((doc) => doc.getText('text').insert(0, 'co-host after the lock'));
    await probe.roundTrip();
    const stored = JSON.stringify(
      await (await authedFetch(`${server.url}/api/documents/${id}/content`)).json(),
    );
    expect(stored).toContain('A late change.');
    expect(stored).not.toContain('Edit after the lock.');
    expect(stored).not.toContain('co-host after the lock');
    const tag = await fetchAs(
      people.secretariat,
      `${server.url}/api/documents/${id}/recommendations/any/tags`,
      {
        method: 'PUT',
        headers: json,
        body: '{"status":"agreed"}',
      },
    );
    expect(tag.status).toBe(423);

    // The final copy: from the frozen version, without DRAFT, its id and hash in the file.
    expect((await fetchAs(people.observer, `${server.url}/api/documents/${id}/export.pdf`)).status).toBe(403);
    const pdf = await fetchAs(people.secretariat, `${server.url}/api/documents/${id}/export.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('x-plenary-version-id')).toBe(approved.finalVersion!.id);
    expect(pdf.headers.get('x-plenary-content-sha256')).toBe(approved.finalVersion!.sha256);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    const text = (await readPdf(bytes)).pages.join('\n');
    expect(text).not.toContain('DRAFT');
    expect(text).toContain(approved.finalVersion!.id);
    renderFirstPage(bytes, 'final-copy-page1');
    const verify = (await (
      await fetch(`${server.url}/api/documents/${id}/verify?sha256=${approved.finalVersion!.sha256}`)
    ).json()) as {
      match: boolean;
      versionId: string;
    };
    expect(verify).toMatchObject({ match: true, versionId: approved.finalVersion!.id });

    // Reopening: co-hosts only, logged with the reason; editing works again.
    expect((await as(people.secretariat, '/reopen', { reason: 'typo' })).status).toBe(403);
    expect((await as(people.korea, '/reopen', { reason: 'A typo in paragraph 3' })).status).toBe(200);
    await waitFor(() => editor.provider.wsconnected && editor.provider.synced, {
      what: 'editor back after reopening',
    });
    appendParagraph(editor.doc, 'Typo fixed.');
    await waitFor(
      async () =>
        JSON.stringify(
          await (await authedFetch(`${server.url}/api/documents/${id}/content`)).json(),
        ).includes('Typo fixed.'),
      {
        what: 'edit after reopening stored',
      },
    );

    const audit = (await (await as(people.pakistan, '/audit')).json()) as {
      entries: Array<{ action: string; detail: Record<string, unknown>; actor: { name: string } | null }>;
    };
    const actions = audit.entries.map((e) => e.action).reverse();
    for (const action of [
      'member-removed',
      'joined',
      'approval-requested',
      'approved',
      'approvals-reset',
      'finalized',
      'exported',
      'reopened',
    ]) {
      expect(actions, action).toContain(action);
    }
    expect(actions.indexOf('approvals-reset')).toBeLessThan(actions.indexOf('finalized'));
    expect(audit.entries.find((e) => e.action === 'reopened')).toMatchObject({
      actor: { name: 'Min-jun Park' },
      detail: { reason: 'A typo in paragraph 3' },
    });
    expect((await as(people.observer, '/audit')).status).toBe(403);
  });
});

describe('access changes while connected', () => {
  it('a removed role closes the connection within a second; a changed one reconnects with the new rights', async () => {
    const { server, id, people, client } = await meeting();
    const rapporteur = await addMember(server.url, id, {
      email: 'rap@example.org',
      name: 'Rapporteur',
      role: 'rapporteur',
    });
    const observerClient = client(people.observer);
    const rapporteurClient = client(rapporteur);
    await Promise.all([observerClient.synced, rapporteurClient.synced]);

    const member = (email: string, role: string) =>
      fetchAs(people.pakistan, `${server.url}/api/documents/${id}/members`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email, role }),
      });

    // Rapporteur → observer: reconnects, and its edits no longer count.
    expect((await member('rap@example.org', 'observer')).status).toBe(200);
    await waitFor(() => rapporteurClient.closeCodes.includes(CloseCode.AccessChanged), {
      what: 'role change seen',
    });
    await waitFor(() => rapporteurClient.provider.wsconnected && rapporteurClient.provider.synced, {
      what: 'reconnected',
    });
    rapporteurClient.doc.getText('text').insert(0, 'demoted edit');

    // Removing the observer: closed with AccessRevoked, fast, and no reconnection gets in.
    const started = performance.now();
    const removed = await fetchAs(people.pakistan, `${server.url}/api/documents/${id}/members`, {
      method: 'DELETE',
      headers: json,
      body: JSON.stringify({ email: 'obs@example.org' }),
    });
    expect(removed.status).toBe(204);
    await waitFor(() => observerClient.closeCodes.includes(CloseCode.AccessRevoked), {
      what: 'revocation seen',
      timeoutMs: 1_000,
    });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect((await fetchAs(people.observer, `${server.url}/api/documents/${id}`)).status).toBe(403);

    const stored = JSON.stringify(
      await (await authedFetch(`${server.url}/api/documents/${id}/content`)).json(),
    );
    expect(stored).not.toContain('demoted edit');
  });

  it('keeps at least one co-host', async () => {
    const { id, server, people } = await meeting();
    const remove = (email: string) =>
      fetchAs(people.pakistan, `${server.url}/api/documents/${id}/members`, {
        method: 'DELETE',
        headers: json,
        body: JSON.stringify({ email }),
      });
    expect((await remove('kr@example.org')).status).toBe(204);
    const last = await remove('pk@example.org');
    expect(last.status).toBe(409);
    expect(((await last.json()) as { error: string }).error).toMatch(/at least one co-host/);
  });
});
