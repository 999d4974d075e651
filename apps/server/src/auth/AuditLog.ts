import type { Logger } from 'pino';
import type { AccountStore, AuditEntry } from '../storage/accounts.ts';

/** Who did something, for the log: a user, or null for Plenary itself. */
export type Actor = { id: string; name: string } | null;

const JOIN_DEDUP_MS = 60 * 60_000;

/**
 * The per-document audit log (docs/access.md): joins, role changes, approvals, finalization,
 * reopening, exports. Writing an entry never fails the action it records (the action has
 * happened); a failed write is logged as an error instead.
 */
export class AuditLog {
  /** Last "joined" entry per document and user, so a flaky connection does not flood the log. */
  private readonly lastJoin = new Map<string, number>();

  constructor(
    private readonly accounts: AccountStore,
    private readonly logger: Logger,
  ) {}

  async record(
    documentId: string,
    actor: Actor,
    action: string,
    detail: Record<string, unknown> = {},
  ): Promise<void> {
    try {
      await this.accounts.appendAudit({
        documentId,
        at: new Date().toISOString(),
        actorId: actor?.id ?? null,
        actorName: actor?.name ?? null,
        action,
        detail,
      });
    } catch (error) {
      this.logger.error({ err: error, doc: documentId, action }, 'audit entry could not be written');
    }
  }

  /** Records that a user opened the document, at most once an hour per user and document. */
  joined(documentId: string, actor: { id: string; name: string }, detail: Record<string, unknown>): void {
    const key = `${documentId}\n${actor.id}`;
    const now = Date.now();
    if (now - (this.lastJoin.get(key) ?? 0) < JOIN_DEDUP_MS) return;
    this.lastJoin.set(key, now);
    if (this.lastJoin.size > 50_000) this.lastJoin.clear();
    void this.record(documentId, actor, 'joined', detail);
  }

  list(documentId: string, limit = 500): Promise<AuditEntry[]> {
    return this.accounts.listAudit(documentId, limit);
  }
}
