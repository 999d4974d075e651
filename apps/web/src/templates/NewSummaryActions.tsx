import { useId, useState } from 'react';
import { ImportDraftButton } from '../importing/ImportDraftButton.tsx';
import { NewSummaryDialog } from './NewSummaryDialog.tsx';

/** The documents page's ways to start: a new summary (template or concept note), or a draft. */
export function NewSummaryActions({ onOpen }: { readonly onOpen: (id: string) => void }) {
  const [creating, setCreating] = useState(false);
  const headingId = useId();
  return (
    <section className="create-form new-summary" aria-labelledby={headingId}>
      <div className="new-summary__text">
        <h2 id={headingId} className="new-summary__title">
          Start a summary
        </h2>
        <p className="new-summary__lead">
          From a template, from the meeting’s concept note, or from a draft in Word or Markdown.
        </p>
      </div>
      <div className="new-summary__actions">
        <ImportDraftButton onImported={onOpen} />
        <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
          New summary
        </button>
      </div>
      {creating && <NewSummaryDialog onCreated={onOpen} onClose={() => setCreating(false)} />}
    </section>
  );
}
