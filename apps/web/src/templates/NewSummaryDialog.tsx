import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ConceptNoteExtraction } from '@plenary/import';
import { ConceptNoteStep } from '../importing/ConceptNoteStep.tsx';
import { draftFromConceptNote } from '../importing/conceptNoteDraft.ts';
import { ReviewStep } from '../importing/ReviewStep.tsx';
import { MeetingDraftFields } from './MeetingDraftFields.tsx';
import { SessionDraftList } from './SessionDraftList.tsx';
import { createSummary, failureMessage, useDocumentTemplates } from './summaryApi.ts';
import {
  draftProblems,
  emptyDraft,
  suggestedTitle,
  toCreateRequest,
  type SummaryDraft,
} from './summaryDraft.ts';
import { TemplateChoice } from './TemplateChoice.tsx';

type Step = 'start' | 'concept-note' | 'review';

interface NewSummaryDialogProps {
  readonly onCreated: (id: string) => void;
  readonly onClose: () => void;
}

const MAX_TITLE_LENGTH = 200;

/**
 * A new summary: a title and a template, with the meeting details and sessions typed now or
 * later, or read from the concept note and checked first. The server builds the document from
 * the template, once, as it creates it (POST /api/documents). A native modal <dialog>, like
 * the identity dialog: focus trap, inert background and Escape come from the browser.
 */
export function NewSummaryDialog({ onCreated, onClose }: NewSummaryDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const templates = useDocumentTemplates();
  const [step, setStep] = useState<Step>('start');
  const [draft, setDraft] = useState<SummaryDraft>(() => emptyDraft());
  const [warnings, setWarnings] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  // Each step starts at its top, with focus on its first field.
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    dialog.scrollTop = 0;
    dialog.querySelector<HTMLElement>('input:not([type="radio"]), textarea')?.focus();
  }, [step]);

  const change = (next: SummaryDraft) => {
    setDraft(next);
    setError(null);
  };

  const create = async () => {
    const problems = draftProblems(draft);
    if (problems.length > 0) {
      setError(problems.join(' '));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { id } = await createSummary(toCreateRequest(draft));
      onCreated(id);
    } catch (caught) {
      setError(failureMessage(caught, 'created'));
      setBusy(false);
    }
  };

  const read = (extraction: ConceptNoteExtraction) => {
    // Keep a title the person already typed; take everything else from the concept note.
    const found = draftFromConceptNote(extraction);
    setDraft({ ...found, title: draft.title.trim() || found.title });
    setWarnings(extraction.warnings);
    setStep('review');
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog dialog--wide"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onClose();
      }}
    >
      {step === 'start' && (
        <StartStep
          titleId={titleId}
          draft={draft}
          templates={templates}
          busy={busy}
          error={error}
          onChange={change}
          onConceptNote={() => setStep('concept-note')}
          onCancel={onClose}
          onCreate={() => void create()}
        />
      )}
      {step === 'concept-note' && (
        <ConceptNoteStep titleId={titleId} onRead={read} onBack={() => setStep('start')} />
      )}
      {step === 'review' && (
        <ReviewStep
          titleId={titleId}
          draft={draft}
          warnings={warnings}
          templates={templates}
          busy={busy}
          error={error}
          onChange={change}
          onBack={() => setStep('concept-note')}
          onCreate={() => void create()}
        />
      )}
    </dialog>
  );
}

interface StartStepProps {
  readonly titleId: string;
  readonly draft: SummaryDraft;
  readonly templates: ReturnType<typeof useDocumentTemplates>;
  readonly busy: boolean;
  readonly error: string | null;
  readonly onChange: (draft: SummaryDraft) => void;
  readonly onConceptNote: () => void;
  readonly onCancel: () => void;
  readonly onCreate: () => void;
}

function StartStep({
  titleId,
  draft,
  templates,
  busy,
  error,
  onChange,
  onConceptNote,
  onCancel,
  onCreate,
}: StartStepProps) {
  const titleFieldId = useId();
  const hintId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onCreate();
  };
  const sessions = draft.template !== 'blank';
  return (
    <form className="dialog__body" onSubmit={submit} noValidate aria-busy={busy}>
      <h2 id={titleId} className="dialog__title">
        New summary
      </h2>
      <p className="dialog__lead">
        Start from a template: Plenary puts the parts of the summary in place, each with a greyed prompt
        saying what belongs there.
      </p>

      <div className="concept-note-offer">
        <div>
          <p className="concept-note-offer__title">Have the concept note?</p>
          <p className="concept-note-offer__text">
            Plenary can read the meeting details and sessions from it, for you to check.
          </p>
        </div>
        <button type="button" className="button button--small" onClick={onConceptNote}>
          Start from the concept note
        </button>
      </div>

      <div className="field">
        <label className="field__label" htmlFor={titleFieldId}>
          Title
        </label>
        <input
          id={titleFieldId}
          className="field__input"
          maxLength={MAX_TITLE_LENGTH}
          value={draft.title}
          placeholder={
            suggestedTitle(draft.meeting) ||
            'e.g. Co-Chairs’ Summary: Preparatory Meeting on Medical Capacity'
          }
          aria-describedby={hintId}
          onChange={(event) => onChange({ ...draft, title: event.target.value })}
        />
        <p id={hintId} className="field__hint">
          As it appears in the list of documents. Anyone with the document’s link can open and edit it.
        </p>
      </div>

      <TemplateChoice
        templates={templates}
        value={draft.template}
        onChange={(template) => onChange({ ...draft, template })}
      />

      <details className="dialog__more">
        <summary className="dialog__more-summary">
          Meeting details{sessions ? ' and sessions' : ''}{' '}
          <span className="dialog__more-note">optional, or later in the document’s panels</span>
        </summary>
        <div className="dialog__more-body">
          <MeetingDraftFields
            meeting={draft.meeting}
            onChange={(meeting) => onChange({ ...draft, meeting })}
          />
          {sessions && (
            <section className="dialog__section" aria-labelledby={`${titleId}-sessions`}>
              <h3 id={`${titleId}-sessions`} className="dialog__subtitle">
                Sessions
              </h3>
              <p className="field__hint">In programme order. Each gets its findings part in the summary.</p>
              <SessionDraftList
                sessions={draft.sessions}
                onChange={(list) => onChange({ ...draft, sessions: list })}
              />
            </section>
          )}
        </div>
      </details>

      {error && (
        <p className="notice notice--error notice__text" role="alert">
          {error}
        </p>
      )}

      <div className="dialog__actions">
        <button type="button" className="button button--quiet" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create summary'}
        </button>
      </div>
    </form>
  );
}
