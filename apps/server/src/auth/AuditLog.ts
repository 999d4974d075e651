import type { Logger } from 'pino';
import type { AccountStore, AuditEntry } from '../storage/accounts.ts';

/** Who did something, for the log: a user, or null for Plenary itself. */
export type Actor = { id: string; name: string } | null;

const JOIN_DEDUP_MS = 60 * 60_000;
const DRAFT_EXPORT_DEDUP_MS = 10 * 60_000;

/**
 * The per-document audit log (docs/access.md): joins, role changes, approvals, finalization,
 * reopening, exports. Writing an entry never fails the action it records (the action has
 * happened); a failed write is logged as an error instead.
 */
export class AuditLog {
  /** Last entry per key ("joined", draft exports), so repeats do not flood the log. */
  private readonly lastRecorded = new Map<string, number>();

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
    void this.recordOnce(
      `${documentId}\njoined\n${actor.id}`,
      JOIN_DEDUP_MS,
      documentId,
      actor,
      'joined',
      detail,
    );
  }

  /**
   * Records an export. Final copies always; drafts at most once per user, document and format
   * in 10 minutes: a preview refreshed while typing would otherwise write (and fsync) a row for
   * every refresh, on the collaboration thread (docs/benchmarks.md, S8).
   */
  exported(
    documentId: string,
    actor: { id: string; name: string },
    detail: { format: string; final: boolean } & Record<string, unknown>,
  ): Promise<void> {
    if (detail.final) return this.record(documentId, actor, 'exported', detail);
    return this.recordOnce(
      `${documentId}\nexported\n${actor.id}\n${detail.format}`,
      DRAFT_EXPORT_DEDUP_MS,
      documentId,
      actor,
      'exported',
      detail,
    );
  }

  private async recordOnce(
    key: string,
    windowMs: number,
    documentId: string,
    actor: { id: string; name: string },
    action: string,
    detail: Record<string, unknown>,
  ): Promise<void> {
    const now = Date.now();
    if (now - (this.lastRecorded.get(key) ?? 0) < windowMs) return;
    this.lastRecorded.set(key, now);
    if (this.lastRecorded.size > 50_000) this.lastRecorded.clear();
    await this.record(documentId, actor, action, detail);
  }

  list(documentId: string, limit = 500): Promise<AuditEntry[]> {
    return this.accounts.listAudit(documentId, limit);
  }
}
