import { useId, useLayoutEffect, useRef, useState } from 'react';
import { EditableList } from '../structure/EditableList.tsx';
import { AddIcon, ArrowDownIcon, ArrowUpIcon, ChevronIcon, RemoveIcon } from '../structure/icons.tsx';
import { draftSession, type DraftSession } from './summaryDraft.ts';

interface SessionDraftListProps {
  readonly sessions: readonly DraftSession[];
  readonly onChange: (sessions: DraftSession[]) => void;
  /** Show each session's description and guiding questions open (reviewing a concept note). */
  readonly detailsOpen?: boolean;
}

const DAYS = [1, 2, 3, 4, 5];

/**
 * The sessions of a summary being set up, in programme order: the number is the position, as
 * in the document. Each row has a title, a day, move and remove buttons, and (folded) its
 * description and guiding questions.
 */
export function SessionDraftList({ sessions, onChange, detailsOpen = false }: SessionDraftListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);

  useLayoutEffect(() => {
    if (!focusKey) return;
    listRef.current?.querySelector<HTMLInputElement>(`[data-session-key="${focusKey}"]`)?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const update = (key: string, change: Partial<DraftSession>) =>
    onChange(sessions.map((s) => (s.key === key ? { ...s, ...change } : s)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...sessions];
    const [session] = next.splice(index, 1);
    next.splice(index + by, 0, session!);
    onChange(next);
  };
  const add = (after = sessions.length - 1) => {
    const session = draftSession();
    onChange([...sessions.slice(0, after + 1), session, ...sessions.slice(after + 1)]);
    setFocusKey(session.key);
  };

  return (
    <div className="draft-sessions">
      {sessions.length > 0 && (
        <ol ref={listRef} className="draft-sessions__list">
          {sessions.map((session, index) => (
            <DraftSessionRow
              key={session.key}
              session={session}
              number={index + 1}
              last={index === sessions.length - 1}
              detailsOpen={detailsOpen}
              onChange={(change) => update(session.key, change)}
              onMove={(by) => move(index, by)}
              onRemove={() => onChange(sessions.filter((s) => s.key !== session.key))}
              onEnter={() => add(index)}
            />
          ))}
        </ol>
      )}
      <button type="button" className="link-button" onClick={() => add()}>
        <AddIcon /> Add session
      </button>
    </div>
  );
}

interface DraftSessionRowProps {
  readonly session: DraftSession;
  readonly number: number;
  readonly last: boolean;
  readonly detailsOpen: boolean;
  readonly onChange: (change: Partial<DraftSession>) => void;
  readonly onMove: (by: -1 | 1) => void;
  readonly onRemove: () => void;
  /** Enter in the title: a new session after this one (not the form's submit). */
  readonly onEnter: () => void;
}

function DraftSessionRow({
  session,
  number,
  last,
  detailsOpen,
  onChange,
  onMove,
  onRemove,
  onEnter,
}: DraftSessionRowProps) {
  const [open, setOpen] = useState(detailsOpen);
  const detailsId = useId();
  const descriptionId = useId();
  const name = session.title.trim() ? `session ${number}, ${session.title.trim()}` : `session ${number}`;
  const extras =
    (session.description.trim() ? 1 : 0) + session.guidingQuestions.filter((q) => q.trim()).length;
  return (
    <li className="draft-session">
      <div className="draft-session__main">
        <span className="session-card__number" aria-hidden="true">
          {number}
        </span>
        <input
          className="field__input field__input--compact draft-session__title"
          aria-label={`Session ${number}: title`}
          placeholder="Session title"
          value={session.title}
          data-session-key={session.key}
          onChange={(event) => onChange({ title: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
              event.preventDefault();
              onEnter();
            }
          }}
        />
        <select
          className="field__input field__input--compact draft-session__day"
          aria-label={`Session ${number}: day`}
          value={session.day ?? ''}
          onChange={(event) => onChange({ day: event.target.value ? Number(event.target.value) : null })}
        >
          <option value="">No day</option>
          {[...new Set([...DAYS, ...(session.day !== null ? [session.day] : [])])].map((day) => (
            <option key={day} value={day}>
              Day {day}
            </option>
          ))}
        </select>
        <span className="draft-session__actions">
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${name} up`}
            title="Move up"
            disabled={number === 1}
            onClick={() => onMove(-1)}
          >
            <ArrowUpIcon />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${name} down`}
            title="Move down"
            disabled={last}
            onClick={() => onMove(1)}
          >
            <ArrowDownIcon />
          </button>
          <button
            type="button"
            className="icon-button icon-button--danger"
            aria-label={`Remove ${name}`}
            title="Remove"
            onClick={onRemove}
          >
            <RemoveIcon />
          </button>
        </span>
      </div>
      <div className="draft-session__more">
        {session.label && <span className="draft-session__label">In the concept note: {session.label}</span>}
        <button
          type="button"
          className="link-button draft-session__toggle"
          aria-expanded={open}
          aria-controls={detailsId}
          onClick={() => setOpen(!open)}
        >
          <span className="draft-session__chevron" aria-hidden="true">
            <ChevronIcon />
          </span>
          Description and guiding questions{extras > 0 ? ` (${extras})` : ''}
        </button>
      </div>
      <div id={detailsId} className="draft-session__details" hidden={!open}>
        <div className="field panel-field">
          <label className="field__label panel-field__label" htmlFor={descriptionId}>
            Description
          </label>
          <textarea
            id={descriptionId}
            className="field__input field__input--compact"
            rows={3}
            value={session.description}
            onChange={(event) => onChange({ description: event.target.value })}
          />
        </div>
        <div className="field panel-field">
          <span className="field__label panel-field__label" aria-hidden="true">
            Guiding questions
          </span>
          <EditableList
            label={`Session ${number}: guiding questions`}
            itemName="question"
            items={session.guidingQuestions}
            multiline
            onChange={(guidingQuestions) => onChange({ guidingQuestions })}
          />
        </div>
      </div>
    </li>
  );
}
