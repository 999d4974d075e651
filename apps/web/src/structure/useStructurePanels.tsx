import { useCallback, useMemo, useState } from 'react';
import type { CollabSession } from '../collab/CollabSession.ts';
import { MeetingDetailsPanel } from './MeetingDetailsPanel.tsx';
import { SessionsPanel } from './SessionsPanel.tsx';
import type { SidePanelDefinition } from './SidePanel.tsx';
import { StructureFields } from './StructureFields.tsx';
import type { PanelRequest, Structure } from './StructureContext.tsx';

export type NumberedRequest = PanelRequest & { readonly nonce: number };

/**
 * The editor page's side column state, and the meeting details and sessions panels for it.
 * Until the document has loaded the panels say so: edits made against a still-empty Y.Doc
 * would add sessions and parts beside the real ones once the content arrives.
 */
export function useStructurePanels(
  session: CollabSession | null,
  loaded: boolean,
  canEditStructure: boolean,
) {
  const [selected, setSelected] = useState('meeting');
  const [request, setRequest] = useState<NumberedRequest | null>(null);

  const openPanel = useCallback((next: PanelRequest) => {
    setSelected(next.panelId);
    setRequest((previous) => ({ ...next, nonce: (previous?.nonce ?? 0) + 1 }));
  }, []);

  const structure: Structure | null = useMemo(
    () => (session ? { doc: session.doc, openPanel, canEditStructure } : null),
    [session, openPanel, canEditStructure],
  );

  const panels: SidePanelDefinition[] = session
    ? [
        {
          id: 'meeting',
          title: 'Meeting',
          content: loaded ? (
            <StructureFields what="the meeting details" editable={canEditStructure}>
              <MeetingDetailsPanel
                doc={session.doc}
                request={request?.panelId === 'meeting' ? request : null}
              />
            </StructureFields>
          ) : (
            <Opening />
          ),
        },
        {
          id: 'sessions',
          title: 'Sessions',
          content: loaded ? (
            <StructureFields what="the sessions" editable={canEditStructure}>
              <SessionsPanel doc={session.doc} request={request?.panelId === 'sessions' ? request : null} />
            </StructureFields>
          ) : (
            <Opening />
          ),
        },
      ]
    : [];

  return { structure, panels, selected, select: setSelected };
}

function Opening() {
  return <p className="panel__empty">Opening the document…</p>;
}
