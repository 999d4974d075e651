import { CloseCode } from '@plenary/protocol';
import type { Logger } from 'pino';
import type { CollabServer } from '../collab/CollabServer.ts';
import type { AccountStore } from '../storage/accounts.ts';

/**
 * Closes websockets whose sign-in session or API token no longer exists, or whose user's role
 * changed: a session that expired while its socket stayed open, a password reset from the
 * command line, and, with several instances, a sign-out, revocation or role change made on
 * another instance whose message was lost (those are closed at once on the instance that handled
 * them, and on the others through Redis). Runs every `intervalMs` (30 s).
 */
export class SessionSweeper {
  private readonly timer: NodeJS.Timeout;
  private running = false;

  constructor(
    private readonly accounts: AccountStore,
    private readonly collab: CollabServer,
    private readonly logger: Logger,
    intervalMs = 30_000,
  ) {
    this.timer = setInterval(() => void this.sweep(), intervalMs);
    this.timer.unref();
  }

  /** One pass; resolves when done (tests call it directly). */
  async sweep(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    let closed = 0;
    try {
      const sessions = new Set<string>();
      const tokens = new Set<string>();
      const roles = new Map<
        string,
        { documentId: string; userId: string; role: string | null; isAdmin: boolean }
      >();
      for (const { documentId, access } of this.collab.connectionAccess()) {
        if (access.sessionIdHash) sessions.add(access.sessionIdHash);
        if (access.tokenId) tokens.add(access.tokenId);
        roles.set(`${documentId}\n${access.userId}`, {
          documentId,
          userId: access.userId,
          role: access.role,
          isAdmin: access.isAdmin,
        });
      }
      // Role changes reach other instances through Redis, which delivers at most once: a missed
      // message is caught here.
      for (const { documentId, userId, role, isAdmin } of roles.values()) {
        const now = (await this.accounts.getMember(documentId, userId))?.role ?? null;
        if (now === role) continue;
        const revoked = now === null && !isAdmin;
        closed += this.collab.disconnect(
          { documentId, userId },
          revoked ? CloseCode.AccessRevoked : CloseCode.AccessChanged,
          revoked ? 'your access to this document was removed' : 'your role changed',
        );
      }
      const now = Date.now();
      for (const idHash of sessions) {
        const session = await this.accounts.getSession(idHash);
        if (!session || Date.parse(session.expiresAt) <= now) {
          closed += this.collab.disconnect(
            { sessionIdHash: idHash },
            CloseCode.Unauthenticated,
            'session ended',
          );
        }
      }
      for (const tokenId of tokens) {
        if (!(await this.accounts.tokenExists(tokenId))) {
          closed += this.collab.disconnect({ tokenId }, CloseCode.Unauthenticated, 'token revoked');
        }
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'session sweep failed; retrying at the next interval');
    } finally {
      this.running = false;
    }
    return closed;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
