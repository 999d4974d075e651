import { useEffect } from 'react';
import { useMe } from '../account/accountStore.ts';
import { roleLabel } from '../access/labels.ts';
import { StateBadge } from '../access/StateBadge.tsx';
import { AppHeader } from '../AppHeader.tsx';
import { formatDateTime, formatRelative } from '../format/time.ts';
import { useNow } from '../format/useNow.ts';
import { documentPath, navigate } from '../routes.ts';
import { RouteLink } from '../RouteLink.tsx';
import type { DocumentSummary } from '../api.ts';
import { NewSummaryActions } from '../templates/NewSummaryActions.tsx';
import { useDocumentList } from './useDocumentList.ts';

/** `/`: every document, the most recently edited first, and a way to start a new one. */
export function DocumentsPage() {
  const { list, reload } = useDocumentList();

  useEffect(() => {
    document.title = 'Documents · Plenary';
  }, []);

  return (
    <div className="app-shell">
      <AppHeader />
      <main className="documents" id="main">
        <div className="documents__intro">
          <h1 className="documents__title">Documents</h1>
          <p className="documents__lead">
            Chair's summaries and other outcome documents, written together in real time.
          </p>
          <p className="documents__lead">
            Their recommendations, tagged and searchable across meetings, are in the{' '}
            <RouteLink to="/register">recommendations register</RouteLink>.
          </p>
        </div>

        <NewSummaryActions onOpen={(id) => navigate(documentPath(id))} />

        <section
          className="documents__section"
          aria-labelledby="documents-heading"
          aria-busy={list.status === 'loading'}
        >
          <h2 id="documents-heading" className="documents__heading">
            Your documents
          </h2>
          {list.status === 'unavailable' && (
            <div className="notice" role="status">
              <p className="notice__text">
                {list.documents
                  ? `The server cannot be reached. This is the list as of ${formatDateTime(list.savedAt ?? '')}; documents opened on this device before can still be edited.`
                  : 'The server cannot be reached, and this device has not seen the list before.'}
              </p>
              <button type="button" className="button button--small" onClick={reload}>
                Try again
              </button>
            </div>
          )}
          {list.status === 'loading' && <p className="documents__empty">Loading documents…</p>}
          {(list.status === 'ready' || list.status === 'unavailable') && list.documents && (
            <DocumentRows documents={list.documents} />
          )}
        </section>
      </main>
    </div>
  );
}

function DocumentRows({ documents }: { readonly documents: readonly DocumentSummary[] }) {
  const now = useNow();
  const isAdmin = useMe().isAdmin;
  if (documents.length === 0) {
    return (
      <p className="documents__empty">
        No documents shared with you yet. Create one above, or ask a co-host to add you to theirs.
      </p>
    );
  }
  return (
    <ul className="document-list">
      {documents.map((document) => (
        <li key={document.id} className="document-list__item">
          <RouteLink to={documentPath(document.id)} className="document-list__link">
            <span className="document-list__icon" aria-hidden="true" />
            <span className="document-list__title">{document.title || 'Untitled document'}</span>
            <span className="document-list__meta">
              <StateBadge state={document.state} />
              <span className="role-badge">{roleLabel(document.role, isAdmin)}</span>
              Edited{' '}
              <time dateTime={document.updatedAt} title={formatDateTime(document.updatedAt)}>
                {formatRelative(document.updatedAt, now)}
              </time>
            </span>
          </RouteLink>
        </li>
      ))}
    </ul>
  );
}
