import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import { authedFetch } from '../support/credentials.ts';
import { autoCleanup } from './support/cleanup.ts';
import { createDocument } from './support/http.ts';
import { TestServer } from './support/server.ts';
import { waitFor } from './support/waitFor.ts';

const cleanup = autoCleanup();

interface Received {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on a free port that keeps every message it is given. */
async function mailbox(): Promise<{ url: string; messages: Received[] }> {
  const messages: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, messages };
}

/** Undoes quoted-printable soft breaks and escapes, enough to read the body. */
const readable = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('invitation mails', () => {
  it('mails the one-time link when an SMTP server is configured, and still shows it', async () => {
    const box = await mailbox();
    const server = await TestServer.start({ smtpUrl: box.url, mailFrom: 'Plenary <summaries@example.org>' });
    cleanup(() => server.dispose());
    const { id } = await createDocument(server.url, 'Summary <b>draft</b>');
    const response = await authedFetch(`${server.url}/api/documents/${id}/members`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'amina@example.org', role: 'rapporteur' }),
    });
    expect(response.status).toBe(201);
    const { invitation } = (await response.json()) as { invitation: { url: string; mailed: boolean } };
    expect(invitation.mailed).toBe(true);
    await waitFor(() => box.messages.length === 1, { what: 'the mail' });
    const message = box.messages[0]!;
    expect(message.to).toEqual(['amina@example.org']);
    expect(message.from).toBe('summaries@example.org');
    const body = readable(message.raw);
    expect(body).toContain(invitation.url);
    expect(body).toContain('as rapporteur');
    // The title is user data: escaped in the HTML part, never markup.
    expect(body).toContain('Summary &lt;b&gt;draft&lt;/b&gt;');
    expect(body).not.toContain('<b>draft</b></p>');
  });

  it('when the SMTP server cannot be reached, the link is still given and the failure said', async () => {
    const box = await mailbox();
    const unreachable = box.url.replace(/:\d+$/, ':1');
    const server = await TestServer.start({ smtpUrl: unreachable });
    cleanup(() => server.dispose());
    const response = await authedFetch(`${server.url}/api/invites`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'jonas@example.org' }),
    });
    expect(response.status).toBe(201);
    const answer = (await response.json()) as { url: string; mailed: boolean; mailError: string };
    expect(answer.url).toMatch(/\/invite\/inv_/);
    expect(answer.mailed).toBe(false);
    expect(answer.mailError).toMatch(/could not be sent/);
  });
});
