/**
 * Websocket close codes used on `/collab/<documentId>`. Shared by server and web app so that a
 * client can tell the user why it was disconnected. 4000-4999 is the range RFC 6455 leaves to
 * applications; the 1xxx codes are the standard ones with their standard meaning. Within 4xxx we
 * follow y-websocket's convention, so stock clients react right: 4400-4499 mirror HTTP 4xx
 * ("reconnecting cannot help": the provider stops), 4500-4599 mirror 5xx ("try again later").
 */
export const CloseCode = {
  /** Server shutting down (SIGTERM/SIGINT) or the document being unloaded: reconnect later. */
  GoingAway: 1001,
  /** A frame was over the configured size limit (default 8 MiB). Nothing of it was kept. */
  MessageTooBig: 1009,
  /** Unexpected server fault while handling this connection. */
  InternalError: 1011,
  /** A frame could not be decoded or applied (not y-websocket protocol, corrupt update). */
  MalformedMessage: 4400,
  /** The document does not exist (it was never created, or was removed). */
  DocumentNotFound: 4404,
  /** The session behind the connection ended (signed out, password changed, token revoked). */
  Unauthenticated: 4401,
  /** The user's role on the document was removed while connected. */
  AccessRevoked: 4403,
  /**
   * The user's rights on the document changed (new role, document finalized or reopened): the
   * client should reconnect, and comes back with its new rights. In the 45xx "try again" range
   * because stock y-websocket clients stop for good on any 44xx code.
   */
  AccessChanged: 4509,
  /**
   * The client did not read its messages fast enough; its send buffer passed the bound. In the
   * "try again" range: a client on a congested link should come back and resync.
   */
  SlowConsumer: 4508,
  /** The document could not be loaded from storage. */
  LoadFailed: 4500,
} as const;

export type CloseCodeName = keyof typeof CloseCode;
export type CloseCodeValue = (typeof CloseCode)[CloseCodeName];

/** Codes after which reconnecting with the same request cannot succeed. */
export const FATAL_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.MalformedMessage,
  CloseCode.DocumentNotFound,
  CloseCode.MessageTooBig,
  CloseCode.Unauthenticated,
  CloseCode.AccessRevoked,
]);

/** The name of a close code, for logs and the user interface; undefined for unknown codes. */
export function closeCodeName(code: number): CloseCodeName | undefined {
  for (const [name, value] of Object.entries(CloseCode)) {
    if (value === code) return name as CloseCodeName;
  }
  return undefined;
}
