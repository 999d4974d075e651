import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import type * as Y from 'yjs';
import { speakerLine } from './format.ts';
import { EditIcon } from './icons.tsx';
import { useStructure, type PanelRequest } from './StructureContext.tsx';
import { useBodyOutline, useSessions } from './useStructureData.ts';

/**
 * "Session 3 – Enhancing medical capacity", the day, the facilitator and the speakers, rendered
 * live from the sessions list: the number is the session's position in the programme, so
 * reordering, renaming or removing a session in the panel updates every heading for everyone.
 */
export function SessionHeadingView({ node }: ReactNodeViewProps) {
  const structure = useStructure();
  const sessionId = typeof node.attrs.sessionId === 'string' ? node.attrs.sessionId : '';
  return (
    <NodeViewWrapper className="session-heading" contentEditable={false}>
      {structure ? (
        <SessionLines
          doc={structure.doc}
          sessionId={sessionId}
          openPanel={structure.canEditStructure ? structure.openPanel : null}
        />
      ) : (
        <p className="session-heading__title">Session</p>
      )}
    </NodeViewWrapper>
  );
}

function SessionLines({
  doc,
  sessionId,
  openPanel,
}: {
  readonly doc: Y.Doc;
  readonly sessionId: string;
  /** Null for someone who may not change the sessions: no edit button then. */
  readonly openPanel: ((request: PanelRequest) => void) | null;
}) {
  const sessions = useSessions(doc);
  const { parts } = useBodyOutline(doc);
  const index = sessions.findIndex((session) => session.id === sessionId);
  const session = sessions[index];

  if (!session) {
    return (
      <>
        <p className="session-heading__title session-heading__title--missing">
          Session removed from the programme
        </p>
        <p className="session-heading__meta">
          This part’s session is no longer in the sessions list. Keep the text elsewhere, or remove the part.
        </p>
      </>
    );
  }
  // A seminar's summary report speaks of moderators; a chair's summary of facilitators.
  const seminar = parts.some((part) => part.kind === 'key-takeaways' || part.kind === 'wrap-up');
  const meta = [
    session.day !== null ? `Day ${session.day}` : null,
    session.facilitator.trim()
      ? `${seminar ? 'Moderator' : 'Facilitator'}: ${session.facilitator.trim()}`
      : null,
  ].filter(Boolean);
  const speakers = session.speakers.map(speakerLine).filter(Boolean);
  return (
    <>
      <h2 className="session-heading__title">
        Session {index + 1} –{' '}
        {session.title.trim() || <span className="session-heading__untitled">Untitled session</span>}
      </h2>
      {meta.length > 0 && <p className="session-heading__meta">{meta.join(' · ')}</p>}
      {speakers.length > 0 && <p className="session-heading__speakers">Speakers: {speakers.join('; ')}</p>}
      {openPanel && (
        <button
          type="button"
          className="node-edit session-heading__edit"
          title="Edit this session"
          aria-label={`Edit session ${index + 1}`}
          onClick={() => openPanel({ panelId: 'sessions', target: sessionId })}
        >
          <EditIcon />
        </button>
      )}
    </>
  );
}
