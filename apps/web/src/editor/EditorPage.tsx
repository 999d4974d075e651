import { useEffect } from 'react';
import { CloseCode } from '@plenary/protocol';
import type { Me } from '../account/accountApi.ts';
import { sessionEnded } from '../account/accountStore.ts';
import { AccessBanner } from '../access/AccessBanner.tsx';
import { ApprovalPanel } from '../access/ApprovalPanel.tsx';
import { AuditPanel } from '../access/AuditPanel.tsx';
import { MembersPanel } from '../access/MembersPanel.tsx';
import { StateBadge } from '../access/StateBadge.tsx';
import { useDocumentAccess } from '../access/useDocumentAccess.ts';
import { AppHeader } from '../AppHeader.tsx';
import { ConnectionStatus } from '../collab/ConnectionStatus.tsx';
import { PresenceList } from '../collab/PresenceList.tsx';
import { StoppedNotice } from '../collab/StoppedNotice.tsx';
import { useCollaboration, useSessionState } from '../collab/useCollaboration.ts';
import { refusal, useDocument } from '../documents/useDocument.ts';
import { ExportButton } from '../export/ExportButton.tsx';
import { useIdentity } from '../identity.ts';
import { MessagePage } from '../MessagePage.tsx';
import { OutlinePanel } from '../outline/OutlinePanel.tsx';
import { RecommendationsPanel } from '../recommendations/RecommendationsPanel.tsx';
import { useRecommendations } from '../recommendations/useRecommendations.ts';
import { SidePanel, type SidePanelDefinition } from '../structure/SidePanel.tsx';
import { StructureProvider } from '../structure/StructureContext.tsx';
import { useStructurePanels } from '../structure/useStructurePanels.tsx';
import { Editor } from './Editor.tsx';

interface EditorPageProps {
  readonly documentId: string;
  readonly me: Me;
}

/** /d/<id>: one document, its collaborators, its approval and the state of the connection. */
export function EditorPage({ documentId, me }: EditorPageProps) {
  const identity = useIdentity(me);
  const lookup = useDocument(documentId);
  const access = useDocumentAccess(
    documentId,
    me.isAdmin,
    'document' in lookup ? lookup.document : undefined,
  );
  const session = useCollaboration({
    documentId,
    refusal: () => refusal(documentId),
    // Rights changed (a new role, the document finalized or reopened): the session reconnects
    // by itself and gets the new rights; the page asks what they are.
    onServerClose: (code) => {
      if (code === CloseCode.AccessChanged) access.refresh();
    },
  });
  const state = useSessionState(session);
  const recommendations = useRecommendations(session);
  const structure = useStructurePanels(session, state.loaded, access.canEditStructure);
  const title = 'document' in lookup && lookup.document ? lookup.document.title : undefined;
  const ended = state.stoppedBy === CloseCode.Unauthenticated;

  useEffect(() => {
    document.title = title ? `${title} · Plenary` : 'Plenary';
    return () => {
      document.title = 'Plenary';
    };
  }, [title]);

  // Signed out elsewhere, or the password changed: back to the sign-in page, then here.
  useEffect(() => {
    if (ended) sessionEnded();
  }, [ended]);

  if (lookup.status === 'missing' || state.stoppedBy === CloseCode.DocumentNotFound) {
    return (
      <NoDocument title="This document does not exist">
        The link may be mistyped or incomplete, or the document was removed. Check the address with whoever
        shared it.
      </NoDocument>
    );
  }
  if (access.revoked || state.stoppedBy === CloseCode.AccessRevoked) {
    return (
      <NoDocument title="Your access to this document was removed">
        A co-host removed you from this document, or it was never shared with you. Ask a co-host of the
        meeting if you need it again.
      </NoDocument>
    );
  }
  if (lookup.status === 'forbidden') {
    return (
      <NoDocument title="You do not have access to this document">
        Ask a co-host of the meeting to add you to it.
      </NoDocument>
    );
  }

  const heading = title ?? (lookup.status === 'loading' ? '' : 'Untitled document');
  const final = access.state === 'final';
  const panels: SidePanelDefinition[] = session
    ? [
        {
          id: 'people',
          title: 'Who is here',
          pinned: true,
          content: (
            <PresenceList awareness={session.awareness} connected={state.connection === 'connected'} />
          ),
        },
        ...structure.panels,
        { id: 'outline', title: 'Outline', content: <OutlinePanel doc={session.doc} /> },
        {
          id: 'approval',
          title: 'Approval',
          content: <ApprovalPanel documentId={documentId} access={access} />,
        },
        ...(recommendations
          ? [
              {
                id: 'recommendations',
                title: 'Recommendations',
                content: <RecommendationsPanel controller={recommendations} />,
              },
            ]
          : []),
        {
          id: 'members',
          title: 'Members',
          content: <MembersPanel documentId={documentId} access={access} />,
        },
        ...(access.can('readAudit')
          ? [{ id: 'audit', title: 'Audit', content: <AuditPanel documentId={documentId} access={access} /> }]
          : []),
      ]
    : [];

  return (
    <div className="app-shell app-shell--editor">
      <AppHeader
        title={
          <>
            <h1 className="document-title" title={heading}>
              {heading}
            </h1>
            <StateBadge state={access.state} />
          </>
        }
      >
        <ExportButton
          documentId={documentId}
          title={heading || 'Untitled document'}
          finalVersion={final ? access.status?.finalVersion : null}
          allowed={!final || access.can('exportFinal')}
        />
        <ConnectionStatus state={state} />
      </AppHeader>
      <StructureProvider value={structure.structure}>
        <main className="workspace" id="main">
          <div className="workspace__notices">
            {session && state.connection === 'stopped' && state.stoppedBy !== undefined && !ended && (
              <StoppedNotice code={state.stoppedBy} onRetry={() => session.reconnect()} />
            )}
            <AccessBanner access={access} onShowApproval={() => structure.select('approval')} />
          </div>
          {session && state.loaded ? (
            <Editor
              key={documentId}
              session={session}
              identity={identity}
              title={heading || 'the document'}
              recommendations={recommendations}
              editable={access.canEditText}
            />
          ) : (
            <EditorPlaceholder />
          )}
          {session && (
            // The side column: who is here on top, then one tab per panel. A feature adds its
            // panel to this list.
            <SidePanel
              className="workspace__aside"
              selected={structure.selected}
              onSelect={structure.select}
              panels={panels}
            />
          )}
        </main>
      </StructureProvider>
    </div>
  );
}

function NoDocument({ title, children }: { readonly title: string; readonly children: string }) {
  return (
    <div className="app-shell">
      <AppHeader />
      <MessagePage title={title}>
        <p>{children}</p>
      </MessagePage>
    </div>
  );
}

/** Holds the editor's place (no jump when it arrives) while the document's content loads. */
function EditorPlaceholder() {
  return (
    <>
      <div className="toolbar-bar" aria-hidden="true">
        <div className="toolbar toolbar--placeholder" />
      </div>
      <article className="page" aria-busy="true">
        <p className="page__loading" role="status">
          Opening the document…
        </p>
      </article>
    </>
  );
}
