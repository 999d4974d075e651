import http from 'node:http';
import type { DocumentRecord } from '@plenary/server';
import { authedFetch, tokenFor } from '../../support/credentials.ts';

/** POST /api/documents; fails the test unless the server answers 201. */
export async function createDocument(baseUrl: string, title = 'Chair’s summary'): Promise<DocumentRecord> {
  const response = await authedFetch(`${baseUrl}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (response.status !== 201) {
    throw new Error(`creating a document: HTTP ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as DocumentRecord;
}

/**
 * Sends a websocket upgrade request for `rawPath` exactly as written (a WHATWG URL, and so any
 * websocket client, would resolve `%2e%2e` before sending) and resolves with the HTTP status:
 * 101 if the server accepted the upgrade.
 */
export function upgradeStatus(
  baseUrl: string,
  rawPath: string,
  token: string | null = tokenFor(baseUrl),
): Promise<number> {
  const { hostname, port } = new URL(baseUrl);
  if (token !== null) rawPath += `${rawPath.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: hostname,
      port,
      path: rawPath,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version': '13',
      },
    });
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode!);
    });
    request.on('upgrade', (response, socket) => {
      socket.destroy();
      resolve(response.statusCode!);
    });
    request.on('error', reject);
    request.end();
  });
}
