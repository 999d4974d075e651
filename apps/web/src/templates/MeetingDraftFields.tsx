import { useId } from 'react';
import type { MeetingDetails } from '@plenary/schema';
import { EditableList } from '../structure/EditableList.tsx';
import { isVirtualVenue, VIRTUAL_VENUE } from '../structure/format.ts';
import { PanelField } from '../structure/PanelField.tsx';

interface MeetingDraftFieldsProps {
  readonly meeting: MeetingDetails;
  readonly onChange: (meeting: MeetingDetails) => void;
}

/** The meeting details of a summary being set up (the same fields as the meeting panel). */
export function MeetingDraftFields({ meeting, onChange }: MeetingDraftFieldsProps) {
  const virtualId = useId();
  const set = (change: Partial<MeetingDetails>) => onChange({ ...meeting, ...change });
  const virtual = isVirtualVenue(meeting.venue);
  return (
    <div className="draft-meeting">
      <PanelField
        label="Meeting title"
        value={meeting.title}
        onChange={(title) => set({ title })}
        placeholder="e.g. Preparatory Meeting on Medical Capacity"
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
          onChange={(coHosts) => set({ coHosts })}
        />
      </div>
      <div className="draft-meeting__row">
        <PanelField
          label="Dates"
          value={meeting.dates}
          onChange={(dates) => set({ dates })}
          placeholder="e.g. 15-16 April 2025"
        />
        <PanelField
          label="Venue"
          value={virtual ? '' : meeting.venue}
          disabled={virtual}
          placeholder={virtual ? 'Held virtually' : 'City'}
          onChange={(venue) => set({ venue })}
        >
          <div className="panel-field__check">
            <input
              id={virtualId}
              type="checkbox"
              checked={virtual}
              onChange={(event) => set({ venue: event.target.checked ? VIRTUAL_VENUE : '' })}
            />
            <label htmlFor={virtualId}>Held virtually</label>
          </div>
        </PanelField>
      </div>
      <PanelField
        label="Format"
        value={meeting.format}
        onChange={(format) => set({ format })}
        placeholder="e.g. Plenary and panel discussions"
      />
    </div>
  );
}
