import { useId, useState, type FormEvent } from 'react';
import { ApiError, createDocument, NetworkError, type DocumentSummary } from '../api.ts';

const MAX_TITLE_LENGTH = 200;

/** Title in, new document out: the parent opens it. */
export function CreateDocumentForm({
  onCreated,
}: {
  readonly onCreated: (document: DocumentSummary) => void;
}) {
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (trimmed === '') {
      setError('Give the document a title, for example the meeting it summarizes.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onCreated(await createDocument(trimmed));
    } catch (caught) {
      setError(
        caught instanceof ApiError
          ? caught.message
          : caught instanceof NetworkError
            ? 'The server cannot be reached, so the document cannot be created now. Check your connection and try again.'
            : 'Something went wrong while creating the document.',
      );
      setBusy(false);
    }
  };

  return (
    <form className="create-form" onSubmit={(event) => void submit(event)} noValidate>
      <label className="field__label" htmlFor={inputId}>
        New document
      </label>
      <div className="create-form__row">
        <input
          id={inputId}
          className="field__input create-form__input"
          name="title"
          placeholder="e.g. Co-Chairs' Summary: Preparatory Meeting on Safety and Security"
          maxLength={MAX_TITLE_LENGTH}
          value={title}
          disabled={busy}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : hintId}
          onChange={(event) => {
            setTitle(event.target.value);
            setError(null);
          }}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create'}
        </button>
      </div>
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : (
        <p id={hintId} className="field__hint">
          Anyone with the document's link can open and edit it.
        </p>
      )}
    </form>
  );
}
