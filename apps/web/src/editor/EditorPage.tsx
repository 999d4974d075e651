import { useEffect, type ReactNode } from 'react';
import { CloseCode } from '@plenary/protocol';
import { AppHeader } from '../AppHeader.tsx';
import { ConnectionStatus } from '../collab/ConnectionStatus.tsx';
import { PresenceList } from '../collab/PresenceList.tsx';
import { StoppedNotice } from '../collab/StoppedNotice.tsx';
import { useCollaboration, useSessionState } from '../collab/useCollaboration.ts';
import { documentExists, useDocument } from '../documents/useDocument.ts';
import type { Identity } from '../identity.ts';
import { ExportButton } from '../export/ExportButton.tsx';
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
  readonly identity: Identity;
  readonly identityControl: ReactNode;
}

/** /d/<id>: one document, its collaborators and the state of the connection. */
export function EditorPage({ documentId, identity, identityControl }: EditorPageProps) {
  const lookup = useDocument(documentId);
  const session = useCollaboration({ documentId, documentExists: () => documentExists(documentId) });
  const state = useSessionState(session);
  const recommendations = useRecommendations(session);
  const structure = useStructurePanels(session, state.loaded);
  const title = 'document' in lookup && lookup.document ? lookup.document.title : undefined;

  useEffect(() => {
    document.title = title ? `${title} · Plenary` : 'Plenary';
    return () => {
      document.title = 'Plenary';
    };
  }, [title]);

  if (lookup.status === 'missing' || state.stoppedBy === CloseCode.DocumentNotFound) {
    return (
      <div className="app-shell">
        <AppHeader>{identityControl}</AppHeader>
        <MessagePage title="This document does not exist">
          <p>
            The link may be mistyped or incomplete, or the document was removed. Check the address with
            whoever shared it.
          </p>
        </MessagePage>
      </div>
    );
  }

  const heading = title ?? (lookup.status === 'loading' ? '' : 'Untitled document');
  return (
    <div className="app-shell app-shell--editor">
      <AppHeader
        title={
          <h1 className="document-title" title={heading}>
            {heading}
          </h1>
        }
      >
        <ExportButton documentId={documentId} title={heading || 'Untitled document'} />
        <ConnectionStatus state={state} />
        {identityControl}
      </AppHeader>
      <StructureProvider value={structure.structure}>
        <main className="workspace" id="main">
          {session && state.connection === 'stopped' && state.stoppedBy !== undefined && (
            <StoppedNotice code={state.stoppedBy} onRetry={() => session.reconnect()} />
          )}
          {session && state.loaded ? (
            <Editor
              key={documentId}
              session={session}
              identity={identity}
              title={heading || 'the document'}
              recommendations={recommendations}
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
              panels={[
                {
                  id: 'people',
                  title: 'Who is here',
                  pinned: true,
                  content: (
                    <PresenceList
                      awareness={session.awareness}
                      connected={state.connection === 'connected'}
                    />
                  ),
                },
                ...structure.panels,
                {
                  id: 'outline',
                  title: 'Outline',
                  content: <OutlinePanel doc={session.doc} />,
                },
                ...(recommendations
                  ? [
                      {
                        id: 'recommendations',
                        title: 'Recommendations',
                        content: <RecommendationsPanel controller={recommendations} />,
                      } satisfies SidePanelDefinition,
                    ]
                  : []),
              ]}
            />
          )}
        </main>
      </StructureProvider>
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
