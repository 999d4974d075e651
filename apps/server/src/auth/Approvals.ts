import * as Y from 'yjs';
import { CloseCode, type DocumentState } from '@plenary/protocol';
import type { Logger } from 'pino';
import type { CollabServer } from '../collab/CollabServer.ts';
import type { CollabExtension } from '../collab/hooks.ts';
import { HttpError } from '../http/errors.ts';
import type { FinalVersionRecord, MemberRecord, StatusRecord } from '../storage/accounts.ts';
import { mergedUpdate, type Storage } from '../storage/Storage.ts';
import type { AuditLog } from './AuditLog.ts';
import type { Principal } from './AuthService.ts';
import { newId } from './secrets.ts';

export interface DelegationStatus {
  delegation: string;
  /** Names of the co-hosts who approve for it. */
  coHosts: string[];
  approval: { userId: string; name: string; at: string } | null;
}

export interface ApprovalStatus {
  state: DocumentState;
  requestedBy: string | null;
  requestedAt: string | null;
  changedAt: string | null;
  delegations: DelegationStatus[];
  finalVersion: { id: string; sha256: string; createdAt: string } | null;
}

/** The SHA-256 an export prints for some content (the export worker computes it). */
export type ContentHasher = (update: Uint8Array) => Promise<string>;

/** The delegation a co-host approves for: the one set on their membership, else their name. */
export function delegationOf(member: Pick<MemberRecord, 'delegation' | 'name'>): string {
  return member.delegation ?? member.name;
}

/**
 * Finalization (docs/access.md): the secretariat requests approval, each co-host delegation
 * approves, and when all have approved the same text the document locks with a frozen final
 * version. An approval holds for the text as it was: it records the document's last committed
 * sequence number, and any later update makes it stale. That check is what decides; the
 * `extension` below only makes the reset prompt and logs it.
 */
export class Approvals {
  /** Documents this instance knows have approvals, to reset them on the next edit. */
  private readonly approved = new Set<string>();

  constructor(
    private readonly storage: Storage,
    private readonly collab: CollabServer,
    private readonly audit: AuditLog,
    private readonly hash: ContentHasher,
    private readonly logger: Logger,
  ) {}

  /** Resets approvals when an edit is committed after them. */
  readonly extension: CollabExtension = {
    name: 'approvals',
    onUpdate: (room, _update, origin) => {
      if (!this.approved.delete(room.id)) return;
      const actor = origin?.access ? { id: origin.access.userId, name: origin.access.userName } : null;
      void this.resetApprovals(room.id, actor, 'edited after approval');
    },
  };

  async status(documentId: string): Promise<ApprovalStatus> {
    const accounts = this.storage.accounts;
    let status = await accounts.getStatus(documentId);
    let approvals = await accounts.listApprovals(documentId);
    if (status.state === 'pending' && approvals.length > 0) {
      const seq = await this.storage.lastSeq(documentId);
      if (approvals.some((a) => a.seq !== seq)) {
        // Edited since (perhaps through another instance): the approvals no longer hold.
        await this.resetApprovals(documentId, null, 'edited after approval');
        approvals = [];
        status = await accounts.getStatus(documentId);
      }
    }
    const coHosts = (await accounts.listMembers(documentId)).filter((m) => m.role === 'co-host');
    const delegations = new Map<string, DelegationStatus>();
    for (const member of coHosts) {
      const name = delegationOf(member);
      const entry = delegations.get(name) ?? { delegation: name, coHosts: [], approval: null };
      entry.coHosts.push(member.name);
      delegations.set(name, entry);
    }
    if (status.state === 'pending') {
      for (const approval of approvals) {
        const entry = delegations.get(approval.delegation);
        if (entry)
          entry.approval = { userId: approval.userId, name: approval.userName, at: approval.approvedAt };
      }
    }
    const version = status.finalVersionId ? await accounts.getFinalVersion(status.finalVersionId) : null;
    return {
      state: status.state,
      requestedBy: status.requestedBy,
      requestedAt: status.requestedAt,
      changedAt: status.changedAt,
      delegations: [...delegations.values()],
      finalVersion: version ? { id: version.id, sha256: version.sha256, createdAt: version.createdAt } : null,
    };
  }

  async requestApproval(by: Principal, documentId: string): Promise<ApprovalStatus> {
    const current = await this.storage.accounts.getStatus(documentId);
    if (current.state !== 'draft') {
      throw new HttpError(
        409,
        current.state === 'final' ? 'the document is final already' : 'approval has been requested already',
      );
    }
    const now = new Date().toISOString();
    const moved = await this.storage.accounts.transitionStatus('draft', {
      documentId,
      state: 'pending',
      requestedBy: by.user.id,
      requestedAt: now,
      finalVersionId: null,
      changedAt: now,
    });
    if (!moved) throw new HttpError(409, 'the document changed state meanwhile; reload');
    await this.storage.accounts.clearApprovals(documentId);
    await this.audit.record(documentId, by.user, 'approval-requested');
    return this.status(documentId);
  }

  /**
   * Records the approval of the co-host's delegation (an admin who is not a co-host names the
   * delegation in `requested`), then locks the document if every delegation has approved.
   */
  async approve(
    by: Principal,
    documentId: string,
    member: MemberRecord | null,
    requested: unknown,
  ): Promise<ApprovalStatus> {
    const state = (await this.storage.accounts.getStatus(documentId)).state;
    if (state !== 'pending') {
      throw new HttpError(
        409,
        state === 'final' ? 'the document is final already' : 'approval has not been requested yet',
      );
    }
    const required = await this.requiredDelegations(documentId);
    let delegation: string;
    if (member?.role === 'co-host') {
      delegation = delegationOf(member);
    } else if (typeof requested === 'string' && required.has(requested)) {
      delegation = requested;
    } else {
      throw new HttpError(400, 'name the delegation to approve for', { delegations: [...required] });
    }
    // The approval is for everything this instance has received so far.
    await this.collab.log.barrier();
    const seq = await this.storage.lastSeq(documentId);
    await this.storage.accounts.putApproval({
      documentId,
      delegation,
      userId: by.user.id,
      approvedAt: new Date().toISOString(),
      seq,
    });
    this.approved.add(documentId);
    await this.audit.record(documentId, by.user, 'approved', { delegation });
    await this.finalizeIfComplete(by, documentId, required);
    return this.status(documentId);
  }

  async reopen(by: Principal, documentId: string, reason: string): Promise<ApprovalStatus> {
    const current = await this.storage.accounts.getStatus(documentId);
    if (current.state === 'draft')
      throw new HttpError(409, 'the document is not final nor awaiting approval');
    const now = new Date().toISOString();
    const moved = await this.storage.accounts.transitionStatus(current.state, {
      documentId,
      state: 'draft',
      requestedBy: null,
      requestedAt: null,
      finalVersionId: null,
      changedAt: now,
    });
    if (!moved) throw new HttpError(409, 'the document changed state meanwhile; reload');
    await this.storage.accounts.clearApprovals(documentId);
    this.approved.delete(documentId);
    await this.audit.record(documentId, by.user, 'reopened', {
      from: current.state,
      reason,
      finalVersionId: current.finalVersionId,
    });
    if (current.state === 'final') {
      this.collab.disconnect({ documentId }, CloseCode.AccessChanged, 'document reopened');
    }
    return this.status(documentId);
  }

  /** The final version a document is locked at, or null when it is not final. */
  async finalVersion(documentId: string): Promise<FinalVersionRecord | null> {
    const status = await this.storage.accounts.getStatus(documentId);
    if (status.state !== 'final') return null;
    const version = status.finalVersionId
      ? await this.storage.accounts.getFinalVersion(status.finalVersionId)
      : null;
    // Locked a moment before its version is stored (finalizeIfComplete): never export a draft of
    // a final document meanwhile.
    if (!version)
      throw new HttpError(409, 'the document is being finalized; try again in a moment', {
        retryAfterSeconds: 1,
      });
    return version;
  }

  private async requiredDelegations(documentId: string): Promise<Set<string>> {
    const members = await this.storage.accounts.listMembers(documentId);
    return new Set(members.filter((m) => m.role === 'co-host').map(delegationOf));
  }

  private async resetApprovals(
    documentId: string,
    actor: { id: string; name: string } | null,
    reason: string,
  ): Promise<void> {
    try {
      const removed = await this.storage.accounts.clearApprovals(documentId);
      if (removed > 0)
        await this.audit.record(documentId, actor, 'approvals-reset', { reason, approvals: removed });
    } catch (error) {
      this.logger.error({ err: error, doc: documentId }, 'approvals could not be reset');
    }
  }

  /**
   * Locks the document when every delegation approved the current text. The order matters: the
   * state turns final first (from then on every socket is read-only and REST edits are refused),
   * then the content is read; if an edit slipped in between the approvals and the lock, the
   * lock is undone and the approvals reset, so a final version is always the approved text.
   */
  private async finalizeIfComplete(by: Principal, documentId: string, required: Set<string>): Promise<void> {
    if (required.size === 0) return;
    const accounts = this.storage.accounts;
    const seq = await this.storage.lastSeq(documentId);
    const approvals = await accounts.listApprovals(documentId);
    const done = [...required].every((d) => approvals.some((a) => a.delegation === d && a.seq === seq));
    if (!done) return;
    const pending = await accounts.getStatus(documentId);
    const now = new Date().toISOString();
    const locked: StatusRecord = { ...pending, state: 'final', changedAt: now };
    if (!(await accounts.transitionStatus('pending', locked))) return;
    this.collab.disconnect({ documentId }, CloseCode.AccessChanged, 'document finalized');
    await this.collab.log.barrier();
    const content = await this.storage.loadContent(documentId);
    if (content.lastSeq !== seq) {
      await accounts.transitionStatus('final', pending);
      await this.resetApprovals(documentId, null, 'edited while finalizing');
      this.collab.disconnect({ documentId }, CloseCode.AccessChanged, 'document edited while finalizing');
      throw new HttpError(409, 'the text changed while the last approval was recorded: approve again');
    }
    // Canonical bytes: the state of a fresh doc, whatever the log and snapshot looked like.
    const doc = new Y.Doc();
    const stored = mergedUpdate(content);
    if (stored) Y.applyUpdate(doc, stored);
    const bytes = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    let version;
    try {
      version = {
        id: newId(),
        documentId,
        sha256: await this.hash(bytes),
        createdAt: now,
        content: bytes,
        createdBy: by.user.id,
      };
      await accounts.putFinalVersion(version);
      await accounts.transitionStatus('final', { ...locked, finalVersionId: version.id });
      // A final copy may be circulated at once: its version must survive a power cut too.
      await this.storage.flush();
    } catch (error) {
      // A final document without its frozen version would export drafts: undo the lock instead.
      // The approvals stand (the text did not change); the next approval or a retry finalizes.
      this.logger.error(
        { err: error, doc: documentId },
        'the final version could not be stored; document left pending',
      );
      await accounts.transitionStatus('final', pending);
      this.collab.disconnect({ documentId }, CloseCode.AccessChanged, 'finalization failed');
      throw new HttpError(503, 'the final version could not be stored; approve again in a moment', {
        retryAfterSeconds: 5,
      });
    }
    this.approved.delete(documentId);
    await this.audit.record(documentId, by.user, 'finalized', {
      versionId: version.id,
      sha256: version.sha256,
      delegations: [...required],
    });
  }
}
