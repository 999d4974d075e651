import { useEffect, useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { Session } from '@plenary/schema';
import { EditableList } from './EditableList.tsx';
import { sessionLabel } from './format.ts';
import { ArrowDownIcon, ArrowUpIcon, ChevronIcon } from './icons.tsx';
import { PanelField } from './PanelField.tsx';
import { addFindingsPart, updateSession, wordsInFindings } from './sessionOps.ts';
import { SpeakersEditor } from './SpeakersEditor.tsx';

interface SessionCardProps {
  readonly doc: Y.Doc;
  readonly session: Session;
  /** 1-based: the session's position in the programme. */
  readonly number: number;
  readonly count: number;
  readonly hasPart: boolean;
  readonly expanded: boolean;
  readonly onToggle: () => void;
  readonly onMove: (by: -1 | 1) => void;
  readonly onRemove: () => void;
  /** Changes each time the card should take focus (new session, or opened from its heading). */
  readonly focusRequest: number;
}

const MAX_DAY = 7;

/** One session: a summary line with reorder buttons, and its details when expanded. */
export function SessionCard(props: SessionCardProps) {
  const { doc, session, number, count, hasPart, expanded, onToggle, onMove, focusRequest } = props;
  const detailsId = useId();
  const titleRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const cardRef = useRef<HTMLLIElement>(null);
  const [confirming, setConfirming] = useState(false);
  const set = (change: Partial<Session>, step = false) => updateSession(doc, session.id, change, step);
  const label = sessionLabel(number, session.title);
  const summary = [
    session.day !== null ? `Day ${session.day}` : null,
    session.facilitator.trim() || null,
    session.speakers.length
      ? `${session.speakers.length} speaker${session.speakers.length === 1 ? '' : 's'}`
      : null,
  ].filter(Boolean);

  useEffect(() => {
    if (focusRequest === 0) return;
    cardRef.current?.scrollIntoView({ block: 'nearest' });
    titleRef.current?.focus();
  }, [focusRequest]);

  return (
    <li
      ref={cardRef}
      className="session-card"
      data-expanded={expanded || undefined}
      data-session-id={session.id}
    >
      <div className="session-card__head">
        <span className="session-card__number" aria-hidden="true">
          {number}
        </span>
        <h3 className="session-card__heading">
          <button
            type="button"
            className="session-card__toggle"
            aria-expanded={expanded}
            aria-controls={detailsId}
            onClick={onToggle}
          >
            <span className="session-card__title">
              <span className="visually-hidden">Session {number}: </span>
              {session.title.trim() || <span className="session-card__untitled">Untitled session</span>}
            </span>
            {summary.length > 0 && <span className="session-card__meta">{summary.join(' · ')}</span>}
            <span className="session-card__chevron" aria-hidden="true">
              <ChevronIcon />
            </span>
          </button>
        </h3>
        <span className="session-card__order">
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${label} up`}
            title="Move up"
            disabled={number === 1}
            onClick={() => onMove(-1)}
          >
            <ArrowUpIcon />
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={`Move ${label} down`}
            title="Move down"
            disabled={number === count}
            onClick={() => onMove(1)}
          >
            <ArrowDownIcon />
          </button>
        </span>
      </div>

      <div id={detailsId} className="session-card__details" hidden={!expanded}>
        <PanelField
          label="Title"
          value={session.title}
          onChange={(title) => set({ title })}
          placeholder="Session title"
          inputRef={titleRef}
        />
        <div className="session-card__row">
          <DayField day={session.day} onChange={(day) => set({ day }, true)} />
          <PanelField
            label="Facilitator or moderator"
            value={session.facilitator}
            onChange={(facilitator) => set({ facilitator })}
            placeholder="Name and title"
          />
        </div>
        <div className="field panel-field">
          <span className="field__label panel-field__label" aria-hidden="true">
            Speakers
          </span>
          <SpeakersEditor
            speakers={session.speakers}
            onChange={(speakers, change) => set({ speakers }, change === 'structure')}
          />
        </div>
        <div className="field panel-field">
          <span className="field__label panel-field__label" aria-hidden="true">
            Guiding questions
          </span>
          <EditableList
            label="Guiding questions"
            itemName="question"
            items={session.guidingQuestions}
            multiline
            placeholder="A question the session addresses"
            onChange={(guidingQuestions, change) => set({ guidingQuestions }, change === 'structure')}
          />
        </div>
        <PanelField
          label="Description"
          value={session.description}
          onChange={(description) => set({ description })}
          multiline
          placeholder="What the session is about, from the concept note"
        />

        <div className="session-card__footer">
          {hasPart ? (
            <button type="button" className="link-button" onClick={() => scrollToPart(session.id)}>
              Go to its findings in the text
            </button>
          ) : (
            <button type="button" className="link-button" onClick={() => addFindingsPart(doc, session.id)}>
              Add its findings part to the text
            </button>
          )}
          {!confirming && (
            <button
              type="button"
              className="button button--small button--quiet button--danger"
              onClick={() => setConfirming(true)}
            >
              Remove session…
            </button>
          )}
        </div>
        {confirming && (
          <RemoveConfirmation
            label={label}
            words={hasPart ? wordsInFindings(doc, session.id) : 0}
            hasPart={hasPart}
            onConfirm={() => {
              setConfirming(false);
              props.onRemove();
            }}
            onCancel={() => setConfirming(false)}
          />
        )}
      </div>
    </li>
  );
}

function DayField({
  day,
  onChange,
}: {
  readonly day: number | null;
  readonly onChange: (day: number | null) => void;
}) {
  const id = useId();
  const days = Array.from({ length: Math.max(MAX_DAY, day ?? 0) }, (_, i) => i + 1);
  return (
    <div className="field panel-field panel-field--narrow">
      <label className="field__label panel-field__label" htmlFor={id}>
        Day
      </label>
      <select
        id={id}
        className="field__input field__input--compact"
        value={day ?? ''}
        onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}
      >
        <option value="">–</option>
        {days.map((d) => (
          <option key={d} value={d}>
            Day {d}
          </option>
        ))}
      </select>
    </div>
  );
}

/** "Asks first": what goes with the session, and that it can be undone. */
function RemoveConfirmation({
  label,
  words,
  hasPart,
  onConfirm,
  onCancel,
}: {
  readonly label: string;
  readonly words: number;
  readonly hasPart: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  // Focus on the harmless choice: Enter right after "Remove session…" must not remove.
  const keepRef = useRef<HTMLButtonElement>(null);
  const textId = useId();
  useEffect(() => keepRef.current?.focus(), []);
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-label={`Remove ${label}?`}
      aria-describedby={textId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id={textId} className="confirm__text">
        Remove <strong>{label}</strong>
        {hasPart
          ? words > 0
            ? ` and its findings part (${words} word${words === 1 ? '' : 's'}) from the text`
            : ' and its empty findings part'
          : ''}
        ? You can undo this.
      </p>
      <div className="confirm__actions">
        <button ref={keepRef} type="button" className="button button--small" onClick={onCancel}>
          Keep it
        </button>
        <button type="button" className="button button--small button--danger-solid" onClick={onConfirm}>
          Remove session
        </button>
      </div>
    </div>
  );
}

/** Brings a session's findings part into view in the text. */
function scrollToPart(sessionId: string): void {
  const part = document.querySelector<HTMLElement>(
    `.page__text section[data-session-id="${CSS.escape(sessionId)}"]`,
  );
  part?.scrollIntoView({ block: 'start', behavior: 'smooth' });
}
