import { useEffect, useState } from 'react';
import { formatDateTime } from '../format/time.ts';
import { problemText } from '../form/problem.ts';
import { getAudit, type AuditRecord } from './accessApi.ts';
import { auditSentence, auditTime } from './auditText.ts';
import type { DocumentAccess } from './useDocumentAccess.ts';

/** The document's audit log, newest first, in sentences (co-hosts, secretariat, admins). */
export function AuditPanel({
  documentId,
  access,
}: {
  readonly documentId: string;
  readonly access: DocumentAccess;
}) {
  const [entries, setEntries] = useState<readonly AuditRecord[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // Fetched again whenever the status changes (a request, an approval, a reset, a reopening).
  useEffect(() => {
    const controller = new AbortController();
    getAudit(documentId, controller.signal).then(
      (fresh) => {
        setEntries([...fresh].sort((a, b) => b.at.localeCompare(a.at)));
        setProblem(null);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setProblem(problemText(error, 'read the audit log'));
      },
    );
    return () => controller.abort();
  }, [documentId, access.status, access.role]);

  if (problem)
    return (
      <p className="notice notice--error" role="alert">
        {problem}
      </p>
    );
  if (entries === null) return <p className="panel__empty">Loading the audit log…</p>;
  if (entries.length === 0) return <p className="panel__empty">Nothing recorded yet.</p>;
  return (
    <ol className="audit-list" aria-label="Audit log, newest first">
      {entries.map((entry) => (
        <li key={entry.id} className="audit-list__item">
          <span className="audit-list__text">{auditSentence(entry)}</span>
          {' · '}
          <time className="audit-list__time" dateTime={entry.at} title={formatDateTime(entry.at)}>
            {auditTime(entry.at)}
          </time>
        </li>
      ))}
    </ol>
  );
}
