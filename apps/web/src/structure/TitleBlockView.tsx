import { NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react';
import type * as Y from 'yjs';
import { isVirtualVenue, joinNames } from './format.ts';
import { EditIcon } from './icons.tsx';
import { useStructure, type PanelRequest } from './StructureContext.tsx';
import { useMeeting } from './useStructureData.ts';

/**
 * The title block: "Co-Chairs’ Summary", then the meeting, its theme, the ministerial it
 * prepares, the co-hosts, dates and venue, all rendered live from the meeting details (the
 * node stores only its heading). Nobody types them twice, and nobody can type over them: they
 * are edited in the meeting details panel, which the block opens when clicked.
 */
export function TitleBlockView({ node }: ReactNodeViewProps) {
  const structure = useStructure();
  const heading = typeof node.attrs.heading === 'string' ? node.attrs.heading : '';
  return (
    <NodeViewWrapper as="header" className="title-block" contentEditable={false}>
      <p className="title-block__heading">{heading}</p>
      {structure && (
        <MeetingLines
          doc={structure.doc}
          // Only those who may change the details are offered to edit them.
          openPanel={structure.canEditStructure ? structure.openPanel : null}
        />
      )}
    </NodeViewWrapper>
  );
}

function MeetingLines({
  doc,
  openPanel,
}: {
  readonly doc: Y.Doc;
  readonly openPanel: ((request: PanelRequest) => void) | null;
}) {
  const meeting = useMeeting(doc);
  const coHosts = meeting.coHosts.filter((name) => name.trim());
  const venue = isVirtualVenue(meeting.venue) ? 'Virtual meeting' : meeting.venue.trim();
  const when = [meeting.dates.trim(), venue].filter(Boolean).join(' · ');
  const empty =
    !meeting.title.trim() && !meeting.theme.trim() && !coHosts.length && !when && !meeting.ministerial.trim();
  const edit = () => openPanel?.({ panelId: 'meeting' });

  if (empty) {
    return (
      <div className="title-block__empty">
        <p>The meeting’s title, co-hosts, dates and venue appear here.</p>
        {openPanel && (
          <button type="button" className="button button--small" onClick={edit}>
            Fill in the meeting details
          </button>
        )}
      </div>
    );
  }
  return (
    <>
      <p className={`title-block__title${meeting.title.trim() ? '' : ' title-block__missing'}`}>
        {meeting.title.trim() || 'Meeting title'}
      </p>
      {meeting.theme.trim() && <p className="title-block__theme">{meeting.theme.trim()}</p>}
      {meeting.ministerial.trim() && (
        <p className="title-block__line">In preparation for the {stripArticle(meeting.ministerial.trim())}</p>
      )}
      {coHosts.length > 0 && (
        <p className="title-block__line">
          {coHosts.length > 1 ? 'Co-hosted by' : 'Hosted by'} {joinNames(coHosts)}
        </p>
      )}
      {when && <p className="title-block__line title-block__when">{when}</p>}
      {openPanel && (
        <button type="button" className="node-edit title-block__edit" onClick={edit}>
          <EditIcon /> Edit meeting details
        </button>
      )}
    </>
  );
}

/** "the UN Peacekeeping Ministerial" typed with its article must not read "the the ...". */
function stripArticle(text: string): string {
  return text.replace(/^the\s+/i, '');
}
