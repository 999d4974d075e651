import type { DocumentAccess } from './useDocumentAccess.ts';

/**
 * One line above the text saying why it cannot be edited, or what its approval is waiting
 * for: final (with the version's id and hash), awaiting approval, or read only for observers.
 */
export function AccessBanner({
  access,
  onShowApproval,
}: {
  readonly access: DocumentAccess;
  readonly onShowApproval: () => void;
}) {
  const { state, status } = access;
  if (state === 'final') {
    const version = status?.finalVersion;
    return (
      <div className="notice access-banner access-banner--final" role="status" data-banner="final">
        <p className="notice__text">
          <strong>Final version.</strong> Every co-host delegation approved this text; it is locked and nobody
          can edit it.
          {version && (
            <>
              {' '}
              Version <span className="access-banner__id">{version.id}</span> · SHA-256{' '}
              <code className="access-banner__hash">{version.sha256}</code>
            </>
          )}
        </p>
        {access.can('reopen') && (
          <button type="button" className="button button--small" onClick={onShowApproval}>
            Reopen…
          </button>
        )}
      </div>
    );
  }
  if (state === 'pending') {
    const approvals = status?.approvals ?? [];
    const given = approvals.filter((approval) => approval.by !== null).length;
    return (
      <div className="notice access-banner access-banner--pending" role="status" data-banner="pending">
        <p className="notice__text">
          <strong>Awaiting approval</strong>
          {approvals.length > 0 && `: ${given} of ${approvals.length} delegations approved`}. Any edit to the
          text resets the approvals.
        </p>
        <button type="button" className="button button--small" onClick={onShowApproval}>
          Show approval
        </button>
      </div>
    );
  }
  if (access.known && !access.can('edit')) {
    return (
      <div className="notice access-banner" role="status" data-banner="read-only">
        <p className="notice__text">
          <strong>Read only.</strong> As an observer you can read the document and see who is here, not change
          it.
        </p>
      </div>
    );
  }
  return null;
}
