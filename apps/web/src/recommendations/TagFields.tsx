import { useEffect, useId, useRef, useState } from 'react';
import type { RecommendationTags, Session, TagChange } from '@plenary/schema';
import { offeredTerms, type Vocabulary } from './vocabulary.ts';

interface TagFieldsProps {
  readonly tags: RecommendationTags;
  readonly vocabulary: Vocabulary;
  readonly sessions: readonly Session[];
  /** The session of the part the recommendation stands in, its default session. */
  readonly partSessionId: string | null;
  readonly onChange: (change: TagChange) => void;
}

// Typing a note writes to the shared document after a short pause, not on every keystroke.
const NOTE_DELAY_MS = 400;

/** The single-valued tags: A4P+ priority, session, status and the note. Native controls throughout. */
export function TagFields({ tags, vocabulary, sessions, partSessionId, onChange }: TagFieldsProps) {
  const id = useId();
  const sessionLabel = (sessionId: string | null) => {
    const index = sessions.findIndex((s) => s.id === sessionId);
    return index >= 0 ? `Session ${index + 1}: ${sessions[index]!.title || 'Untitled'}` : 'no session';
  };
  const priorities = offeredTerms(vocabulary.a4pPlusPriorities, tags.priority ? [tags.priority] : []);
  const statuses = offeredTerms(vocabulary.statuses, [tags.status]);
  const chosenSessionMissing = tags.sessionId !== null && !sessions.some((s) => s.id === tags.sessionId);

  return (
    <div className="tag-fields">
      <div className="tag-fields__field">
        <label className="tag-fields__label" htmlFor={`${id}-priority`}>
          A4P+ priority
        </label>
        <select
          id={`${id}-priority`}
          className="tag-fields__select"
          value={tags.priority ?? ''}
          onChange={(event) => onChange({ priority: event.target.value || null })}
        >
          <option value="">None</option>
          {priorities.map((term) => (
            <option key={term.id} value={term.id}>
              {term.label}
              {term.retired ? ' (retired)' : ''}
            </option>
          ))}
        </select>
      </div>

      <div className="tag-fields__field">
        <label className="tag-fields__label" htmlFor={`${id}-session`}>
          Session
        </label>
        <select
          id={`${id}-session`}
          className="tag-fields__select"
          value={tags.sessionId ?? ''}
          onChange={(event) => onChange({ sessionId: event.target.value || null })}
        >
          <option value="">Where it stands ({sessionLabel(partSessionId)})</option>
          {sessions.map((session, index) => (
            <option key={session.id} value={session.id}>
              Session {index + 1}: {session.title || 'Untitled'}
            </option>
          ))}
          {chosenSessionMissing && <option value={tags.sessionId!}>A removed session</option>}
        </select>
      </div>

      <fieldset className="tag-fields__field tag-fields__status">
        <legend className="tag-fields__label">Status</legend>
        <div className="segmented">
          {statuses.map((term) => (
            <label key={term.id} className="segmented__option">
              <input
                type="radio"
                name={`${id}-status`}
                value={term.id}
                checked={tags.status === term.id}
                onChange={() => onChange({ status: term.id })}
              />
              <span>
                {term.label}
                {term.retired ? ' (retired)' : ''}
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <NoteField note={tags.note} id={`${id}-note`} onChange={(note) => onChange({ note })} />
    </div>
  );
}

/**
 * The note, edited as a draft and written after a pause (and on leaving the field). Someone
 * else's change shows here unless this person is typing in the field, whose draft wins locally
 * until written; the last writer's note then stands, as for any single value.
 */
interface NoteFieldProps {
  readonly note: string;
  readonly id: string;
  /** Writes the note; the popover is keyed by recommendation, so this never changes target. */
  readonly onChange: (note: string) => void;
}

function NoteField({ note, id, onChange }: NoteFieldProps) {
  const [draft, setDraft] = useState(note);
  const editing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<string | null>(null);
  const write = useRef(onChange);
  useEffect(() => {
    write.current = onChange;
  });

  // Reads refs only, so the one from any render will do.
  const flush = () => {
    clearTimeout(timer.current);
    if (pending.current !== null) write.current(pending.current);
    pending.current = null;
  };

  useEffect(() => {
    if (!editing.current) setDraft(note);
  }, [note]);

  // Closing the popover mid-sentence still keeps the sentence.
  useEffect(() => flush, []);

  return (
    <div className="tag-fields__field tag-fields__note">
      <label className="tag-fields__label" htmlFor={id}>
        Note
      </label>
      <textarea
        id={id}
        className="tag-fields__textarea"
        rows={2}
        maxLength={5000}
        placeholder="For the drafting team, e.g. “Check wording with DPO”"
        value={draft}
        onFocus={() => (editing.current = true)}
        onBlur={() => {
          editing.current = false;
          flush();
        }}
        onChange={(event) => {
          setDraft(event.target.value);
          pending.current = event.target.value;
          clearTimeout(timer.current);
          timer.current = setTimeout(flush, NOTE_DELAY_MS);
        }}
      />
    </div>
  );
}
