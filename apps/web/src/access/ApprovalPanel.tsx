import { useId, useState } from 'react';
import { useMe } from '../account/accountStore.ts';
import { formatDateTime } from '../format/time.ts';
import { useSubmission } from '../form/useSubmission.ts';
import { approve, reopen, requestApproval, type DocumentStatus } from './accessApi.ts';
import { auditTime } from './auditText.ts';
import { STATE_LABELS } from './labels.ts';
import type { DocumentAccess } from './useDocumentAccess.ts';
import { useMembers } from './useMembers.ts';

/**
 * The approval process of docs/access.md: the secretariat requests approval, each co-host
 * delegation approves the text as it stands, and the last approval locks it (final). A
 * co-host can reopen a final document, giving a reason. The status is polled (others approve).
 */
export function ApprovalPanel({
  documentId,
  access,
}: {
  readonly documentId: string;
  readonly access: DocumentAccess;
}) {
  const me = useMe();
  const { state, status } = access;
  const { members } = useMembers(documentId, access.status);
  const mine = members?.members.find((member) => member.userId === me.id && member.role === 'co-host');
  // A co-host approves for their delegation; an admin who is not one, for whichever it names.
  const delegations = mine
    ? [mine.delegation ?? mine.name]
    : me.isAdmin
      ? (status?.approvals.map((approval) => approval.delegation) ?? [])
      : [];
  const approvedFor = (delegation: string) =>
    status?.approvals.some((a) => a.delegation === delegation && a.by !== null) ?? false;
  const { busy, problem, run } = useSubmission('do that');

  const act = (action: () => Promise<DocumentStatus>) =>
    void run(async () => {
      access.setStatus(await action());
      access.refresh();
    });

  return (
    <div className="panel approval-panel">
      <p className="panel__lead">
        State: <strong data-testid="approval-state">{STATE_LABELS[state]}</strong>
      </p>
      {state === 'draft' && (
        <p className="panel__empty">
          When the text is ready, the secretariat requests approval; then each co-host delegation approves it.
        </p>
      )}
      {state === 'pending' && status && <Approvals status={status} />}
      {state === 'final' && status?.finalVersion && (
        <dl className="approval-panel__final">
          <dt>Final version</dt>
          <dd>{status.finalVersion.id}</dd>
          <dt>SHA-256</dt>
          <dd>
            <code>{status.finalVersion.sha256}</code>
          </dd>
          {status.finalVersion.at && (
            <>
              <dt>Locked</dt>
              <dd>{formatDateTime(status.finalVersion.at)}</dd>
            </>
          )}
        </dl>
      )}

      <div className="approval-panel__actions">
        {state === 'draft' && access.can('requestApproval') && (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => act(() => requestApproval(documentId))}
          >
            Request approval
          </button>
        )}
        {state === 'pending' &&
          access.can('approve') &&
          delegations.map((delegation) => (
            <button
              key={delegation}
              type="button"
              className="button button--primary"
              disabled={busy || approvedFor(delegation)}
              onClick={() => act(() => approve(documentId, mine ? undefined : delegation))}
            >
              {approvedFor(delegation) ? `Approved for ${delegation}` : `Approve for ${delegation}`}
            </button>
          ))}
        {state !== 'draft' && access.can('reopen') && (
          // A co-host can also call back a request before everyone approved (the server's
          // reopen takes a pending document back to draft too).
          <ReopenForm
            busy={busy}
            pending={state === 'pending'}
            onReopen={(reason) => act(() => reopen(documentId, reason))}
          />
        )}
      </div>
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

function Approvals({ status }: { readonly status: DocumentStatus }) {
  if (status.approvals.length === 0)
    return <p className="panel__empty">No co-host delegation to approve yet.</p>;
  return (
    <ul className="approval-list" aria-label="Approvals by delegation">
      {status.approvals.map((approval) => (
        <li key={approval.delegation} className="approval-list__item" data-approved={approval.by !== null}>
          <span className="approval-list__delegation">{approval.delegation}</span>
          {approval.by ? (
            <span className="approval-list__by">
              <span aria-hidden="true">✓ </span>approved by {approval.by.name || 'a co-host'}
              {approval.by.at && (
                <>
                  {' · '}
                  <time dateTime={approval.by.at} title={formatDateTime(approval.by.at)}>
                    {auditTime(approval.by.at)}
                  </time>
                </>
              )}
            </span>
          ) : (
            <span className="approval-list__by approval-list__by--waiting">not yet</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** "Reopen…" (or "Withdraw the request…"), then the reason (kept in the audit log) and a confirmation. */
function ReopenForm({
  busy,
  pending,
  onReopen,
}: {
  readonly busy: boolean;
  /** Approval is requested, not given yet: this withdraws the request. */
  readonly pending: boolean;
  readonly onReopen: (reason: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const id = useId();
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {pending ? 'Withdraw the request…' : 'Reopen…'}
      </button>
    );
  }
  return (
    <form
      className="approval-panel__reopen"
      onSubmit={(event) => {
        event.preventDefault();
        onReopen(reason.trim());
      }}
    >
      <label className="field__label" htmlFor={id}>
        {pending ? 'Why withdraw the request?' : 'Why reopen it?'}
      </label>
      <textarea
        id={id}
        className="field__input"
        rows={3}
        autoFocus
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        placeholder="e.g. A delegation asked to correct paragraph 12"
      />
      <p className="field__hint">
        The document becomes a draft again{pending ? ' and the approvals given are dropped' : ''}; the reason
        goes in the audit log.
      </p>
      <div className="confirm__actions">
        <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
          Cancel
        </button>
        <button type="submit" className="button button--danger" disabled={busy}>
          {pending ? 'Withdraw the request' : 'Reopen document'}
        </button>
      </div>
    </form>
  );
}
