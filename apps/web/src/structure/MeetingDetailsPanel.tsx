import { useEffect, useId, useRef } from 'react';
import type * as Y from 'yjs';
import type { MeetingDetails } from '@plenary/schema';
import { EditableList } from './EditableList.tsx';
import { isVirtualVenue, VIRTUAL_VENUE } from './format.ts';
import { setSummaryHeading, SUMMARY_HEADINGS, updateMeeting, updateMeetingList } from './meetingOps.ts';
import { panelUndoKeyDown } from './panelUndo.ts';
import { PanelField } from './PanelField.tsx';
import type { NumberedRequest } from './useStructurePanels.tsx';
import { useBodyOutline, useMeeting } from './useStructureData.ts';

const FORMAT_SUGGESTIONS = [
  'In person',
  'Virtual',
  'Hybrid',
  'Plenary and panel discussions',
  'Panels and break-out sessions',
];

/**
 * The meeting details, beside the text. They live in the Y.Doc's `meeting` map: every
 * keystroke is shared at once, the title block in the text shows them, and Ctrl+Z takes them
 * back like any other change.
 */
export function MeetingDetailsPanel({
  doc,
  request,
}: {
  readonly doc: Y.Doc;
  readonly request: NumberedRequest | null;
}) {
  const meeting = useMeeting(doc);
  const { heading } = useBodyOutline(doc);
  const titleRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const set = (change: Partial<MeetingDetails>) => updateMeeting(doc, change);

  // Opened from the title block: straight to the first field.
  useEffect(() => {
    if (request) titleRef.current?.focus();
  }, [request]);

  return (
    <div className="panel" onKeyDown={panelUndoKeyDown(doc)}>
      <p className="panel__lead">
        Shown in the title block of the summary. Everyone in the document sees changes as you type.
      </p>
      {heading !== null && <HeadingChoice doc={doc} heading={heading} coHosts={meeting.coHosts} />}
      <PanelField
        label="Meeting title"
        value={meeting.title}
        onChange={(title) => set({ title })}
        placeholder="e.g. Preparatory Meeting on Medical Capacity"
        inputRef={titleRef}
      />
      <PanelField
        label="Theme"
        value={meeting.theme}
        onChange={(theme) => set({ theme })}
        placeholder="e.g. Safety and security of peacekeepers"
      />
      <PanelField
        label="Ministerial it prepares"
        value={meeting.ministerial}
        onChange={(ministerial) => set({ ministerial })}
        placeholder="e.g. UN Peacekeeping Ministerial, Berlin 2025"
      />
      <div className="field panel-field">
        <span className="field__label panel-field__label" aria-hidden="true">
          Co-hosts
        </span>
        <EditableList
          label="Co-hosts"
          itemName="co-host"
          items={meeting.coHosts}
          placeholder="Member State"
          onChange={(coHosts, change) =>
            change === 'typing' ? set({ coHosts }) : updateMeetingList(doc, { coHosts })
          }
        />
      </div>
      <PanelField
        label="Dates"
        value={meeting.dates}
        onChange={(dates) => set({ dates })}
        placeholder="e.g. 15-16 April 2025"
      />
      <VenueField venue={meeting.venue} onChange={(venue) => set({ venue })} />
      <PanelField
        label="Format"
        value={meeting.format}
        onChange={(format) => set({ format })}
        placeholder="e.g. Plenary and panel discussions"
        suggestions={FORMAT_SUGGESTIONS}
      />
      <PanelField
        label="Participants"
        value={meeting.participants}
        onChange={(participants) => set({ participants })}
        placeholder="e.g. some 50 Member States"
      />
      <div className="field panel-field">
        <span className="field__label panel-field__label" aria-hidden="true">
          Chairs or day facilitators
        </span>
        <EditableList
          label="Chairs or day facilitators"
          itemName="chair"
          items={meeting.chairs}
          placeholder="Name and title"
          onChange={(chairs, change) =>
            change === 'typing' ? set({ chairs }) : updateMeetingList(doc, { chairs })
          }
        />
      </div>
    </div>
  );
}

/** The venue, or "Held virtually", which stores "virtual" and remembers the city to restore. */
function VenueField({
  venue,
  onChange,
}: {
  readonly venue: string;
  readonly onChange: (venue: string) => void;
}) {
  const virtual = isVirtualVenue(venue);
  const lastPlace = useRef(virtual ? '' : venue);
  useEffect(() => {
    if (!virtual) lastPlace.current = venue;
  }, [virtual, venue]);
  const checkboxId = useId();
  return (
    <PanelField
      label="Venue"
      value={virtual ? '' : venue}
      placeholder={virtual ? 'Held virtually' : 'City, or the host country’s capital'}
      disabled={virtual}
      onChange={onChange}
    >
      <div className="panel-field__check">
        <input
          id={checkboxId}
          type="checkbox"
          checked={virtual}
          onChange={(event) => onChange(event.target.checked ? VIRTUAL_VENUE : lastPlace.current)}
        />
        <label htmlFor={checkboxId}>Held virtually</label>
      </div>
    </PanelField>
  );
}

/** "Chair’s Summary" or "Co-Chairs’ Summary": a suggestion follows the number of co-hosts. */
function HeadingChoice({
  doc,
  heading,
  coHosts,
}: {
  readonly doc: Y.Doc;
  readonly heading: string;
  readonly coHosts: readonly string[];
}) {
  const id = useId();
  const options: string[] = [...SUMMARY_HEADINGS];
  if (!options.includes(heading)) options.unshift(heading);
  const named = coHosts.filter((name) => name.trim()).length;
  const suggested =
    named > 1 && heading === SUMMARY_HEADINGS[0]
      ? SUMMARY_HEADINGS[1]
      : named === 1 && heading === SUMMARY_HEADINGS[1]
        ? SUMMARY_HEADINGS[0]
        : null;
  return (
    <div className="field panel-field">
      <label className="field__label panel-field__label" htmlFor={id}>
        Document heading
      </label>
      <select
        id={id}
        className="field__input field__input--compact"
        value={heading}
        onChange={(event) => setSummaryHeading(doc, event.target.value)}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
      {suggested && (
        <p className="field__hint">
          {named} co-hosts:{' '}
          <button
            type="button"
            className="link-button link-button--inline"
            onClick={() => setSummaryHeading(doc, suggested)}
          >
            use “{suggested}”
          </button>
        </p>
      )}
    </div>
  );
}
