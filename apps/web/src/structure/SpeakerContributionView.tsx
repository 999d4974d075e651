import { useId } from 'react';
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import type * as Y from 'yjs';
import { readSessions, type Speaker } from '@plenary/schema';
import { useStructure } from './StructureContext.tsx';
import { useSessions } from './useStructureData.ts';

/**
 * What one speaker said: their name and affiliation as fields above the text. Inside a
 * session's findings part, the session's speakers are offered as the name is typed, and
 * choosing one fills in the affiliation.
 */
export function SpeakerContributionView({ node, updateAttributes, editor, getPos }: ReactNodeViewProps) {
  const listId = useId();
  const structure = useStructure();
  const speaker = String(node.attrs.speaker ?? '');
  const affiliation = String(node.attrs.affiliation ?? '');
  const sessionId = enclosingSessionId(editor.state.doc, getPos());
  const editable = editor.isEditable;

  return (
    <NodeViewWrapper className="speaker-contribution">
      <div className="speaker-contribution__who" contentEditable={false}>
        <input
          className="node-field node-field--name"
          aria-label="Speaker"
          placeholder="Speaker’s name and title"
          value={speaker}
          readOnly={!editable}
          list={structure && sessionId ? listId : undefined}
          onChange={(event) =>
            updateAttributes(
              withAffiliation(
                event.target.value,
                affiliation,
                structure && sessionId ? sessionSpeakers(structure.doc, sessionId) : [],
              ),
            )
          }
        />
        <input
          className="node-field"
          aria-label="Speaker’s affiliation"
          placeholder="Affiliation"
          value={affiliation}
          readOnly={!editable}
          onChange={(event) => updateAttributes({ affiliation: event.target.value })}
        />
        {structure && sessionId && <SpeakerOptions id={listId} doc={structure.doc} sessionId={sessionId} />}
      </div>
      <NodeViewContent className="speaker-contribution__text" />
    </NodeViewWrapper>
  );
}

function SpeakerOptions({
  id,
  doc,
  sessionId,
}: {
  readonly id: string;
  readonly doc: Y.Doc;
  readonly sessionId: string;
}) {
  const session = useSessions(doc).find((s) => s.id === sessionId);
  return (
    <datalist id={id}>
      {session?.speakers
        .filter((s) => s.name.trim())
        .map((s, index) => (
          <option key={index} value={s.name} label={s.affiliation} />
        ))}
    </datalist>
  );
}

/** A known speaker's name chosen with no affiliation typed yet brings their affiliation along. */
function withAffiliation(
  name: string,
  affiliation: string,
  known: readonly Speaker[],
): { speaker: string; affiliation?: string } {
  const match = known.find((s) => s.name === name);
  return match && !affiliation.trim() ? { speaker: name, affiliation: match.affiliation } : { speaker: name };
}

function sessionSpeakers(doc: Y.Doc, sessionId: string): Speaker[] {
  return readSessions(doc).find((session) => session.id === sessionId)?.speakers ?? [];
}

/** The session of the findings part around `pos`, if any. */
function enclosingSessionId(
  doc: ReactNodeViewProps['editor']['state']['doc'],
  pos: number | undefined,
): string | null {
  if (pos === undefined || pos > doc.content.size) return null;
  const $pos = doc.resolve(pos);
  for (let depth = $pos.depth; depth > 0; depth--) {
    const ancestor = $pos.node(depth);
    if (ancestor.type.name === 'section')
      return typeof ancestor.attrs.sessionId === 'string' ? ancestor.attrs.sessionId : null;
  }
  return null;
}
