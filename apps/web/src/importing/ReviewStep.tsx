import { useId } from 'react';
import { MeetingDraftFields } from '../templates/MeetingDraftFields.tsx';
import { SessionDraftList } from '../templates/SessionDraftList.tsx';
import type { TemplateOption } from '../templates/summaryApi.ts';
import { suggestedTitle, toCreateRequest, type SummaryDraft } from '../templates/summaryDraft.ts';
import { TemplateChoice } from '../templates/TemplateChoice.tsx';

interface ReviewStepProps {
  readonly titleId: string;
  readonly draft: SummaryDraft;
  readonly warnings: readonly string[];
  readonly templates: readonly TemplateOption[];
  readonly busy: boolean;
  readonly error: string | null;
  readonly onChange: (draft: SummaryDraft) => void;
  readonly onBack: () => void;
  readonly onCreate: () => void;
}

/** What the concept note gave, editable: the person corrects it, then the skeleton is built. */
export function ReviewStep({
  titleId,
  draft,
  warnings,
  templates,
  busy,
  error,
  onChange,
  onBack,
  onCreate,
}: ReviewStepProps) {
  const titleFieldId = useId();
  const count = draft.sessions.length;
  // Rows left empty are dropped on creation: count what will be built.
  const kept = toCreateRequest(draft).sessions?.length ?? 0;
  return (
    <form
      className="dialog__body"
      noValidate
      aria-busy={busy}
      onSubmit={(event) => {
        event.preventDefault();
        onCreate();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        Check what Plenary found
      </h2>
      <p className="dialog__lead">
        {count} session{count === 1 ? '' : 's'} found. Correct anything that is wrong or missing; all of it
        can still be changed later, in the document’s panels.
      </p>

      {warnings.length > 0 && (
        <div className="notice dialog__warnings" role="status">
          <div className="notice__text">
            <p>Worth a look:</p>
            <ul className="dialog__problem-list">
              {warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </div>
        </div>
      )}

      <div className="field">
        <label className="field__label" htmlFor={titleFieldId}>
          Title of the summary
        </label>
        <input
          id={titleFieldId}
          className="field__input"
          value={draft.title}
          placeholder={suggestedTitle(draft.meeting) || 'Untitled summary'}
          onChange={(event) => onChange({ ...draft, title: event.target.value })}
        />
      </div>

      <TemplateChoice
        templates={templates.filter((t) => t.id !== 'blank')}
        value={draft.template}
        onChange={(template) => onChange({ ...draft, template })}
      />

      <section className="dialog__section" aria-labelledby={`${titleId}-meeting`}>
        <h3 id={`${titleId}-meeting`} className="dialog__subtitle">
          Meeting details
        </h3>
        <MeetingDraftFields meeting={draft.meeting} onChange={(meeting) => onChange({ ...draft, meeting })} />
      </section>

      <section className="dialog__section" aria-labelledby={`${titleId}-sessions`}>
        <h3 id={`${titleId}-sessions`} className="dialog__subtitle">
          Sessions
        </h3>
        <SessionDraftList
          sessions={draft.sessions}
          detailsOpen
          onChange={(sessions) => onChange({ ...draft, sessions })}
        />
      </section>

      {error && (
        <p className="notice notice--error notice__text" role="alert">
          {error}
        </p>
      )}

      <div className="dialog__actions dialog__actions--sticky">
        <button type="button" className="button button--quiet" onClick={onBack} disabled={busy}>
          Back
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : `Create the summary with ${kept} session${kept === 1 ? '' : 's'}`}
        </button>
      </div>
    </form>
  );
}
