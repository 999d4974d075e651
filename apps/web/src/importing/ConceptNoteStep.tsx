import { useId, useState, type FormEvent } from 'react';
import { SESSION_LAYOUTS_LOOKED_FOR, type ConceptNoteExtraction } from '@plenary/import';
import { ApiError, NetworkError } from '../api.ts';
import { MAX_UPLOAD_BYTES, readConceptNote } from './importApi.ts';

interface ConceptNoteStepProps {
  readonly titleId: string;
  readonly onRead: (extraction: ConceptNoteExtraction) => void;
  readonly onBack: () => void;
}

interface Problem {
  readonly message: string;
  /** What the reader looked for, when it found no session. */
  readonly lookedFor?: readonly string[];
}

const ACCEPT =
  '.docx,.txt,.md,.markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown';

/** Paste the concept note or upload it; the server reads it and the review step shows what it found. */
export function ConceptNoteStep({ titleId, onRead, onBack }: ConceptNoteStepProps) {
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const textId = useId();
  const fileId = useId();
  const fileHintId = useId();
  const problemId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file && !text.trim()) {
      setProblem({ message: 'Paste the concept note’s text, or choose its file.' });
      return;
    }
    if (file && file.size > MAX_UPLOAD_BYTES) {
      setProblem({
        message: `“${file.name}” is over 10 MB. Paste the concept note’s text instead, without its annexes.`,
      });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      onRead(await readConceptNote(file ?? text));
    } catch (caught) {
      setProblem(describe(caught));
      setBusy(false);
    }
  };

  return (
    <form className="dialog__body" onSubmit={(event) => void submit(event)} noValidate aria-busy={busy}>
      <h2 id={titleId} className="dialog__title">
        Start from the concept note
      </h2>
      <p className="dialog__lead">
        Plenary reads the meeting’s title, co-hosts, dates and venue, and each session with its guiding
        questions. You check what it found before the summary is built.
      </p>

      <div className="field">
        <label className="field__label" htmlFor={textId}>
          Paste the concept note
        </label>
        <textarea
          id={textId}
          className="field__input concept-note__text"
          rows={9}
          value={text}
          disabled={busy || file !== null}
          placeholder="The whole concept note, or at least its title and programme"
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
        />
      </div>

      <div className="concept-note__or" aria-hidden="true">
        or
      </div>

      <div className="field">
        <label className="field__label" htmlFor={fileId}>
          Upload it
        </label>
        <input
          id={fileId}
          className="concept-note__file"
          type="file"
          accept={ACCEPT}
          disabled={busy}
          aria-describedby={fileHintId}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setProblem(null);
          }}
        />
        <p id={fileHintId} className="field__hint">
          Word (.docx), text (.txt) or Markdown (.md), up to 10 MB.
        </p>
      </div>

      {problem && (
        <div id={problemId} className="notice notice--error dialog__problem" role="alert">
          <div className="notice__text">
            <p>{problem.message}</p>
            {problem.lookedFor && (
              <>
                <p className="dialog__problem-detail">Plenary looks for sessions written as:</p>
                <ul className="dialog__problem-list">
                  {problem.lookedFor.map((layout) => (
                    <li key={layout}>{layout}</li>
                  ))}
                </ul>
                <p className="dialog__problem-detail">
                  Check that the programme is included, or go back and enter the sessions yourself.
                </p>
              </>
            )}
          </div>
        </div>
      )}

      <div className="dialog__actions">
        <button type="button" className="button button--quiet" onClick={onBack} disabled={busy}>
          Back
        </button>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Reading…' : 'Read the concept note'}
        </button>
      </div>
    </form>
  );
}

function describe(error: unknown): Problem {
  if (error instanceof ApiError && error.status === 422) {
    return {
      message:
        'Plenary found no sessions in this concept note, so there is nothing to build the summary from yet.',
      lookedFor: SESSION_LAYOUTS_LOOKED_FOR,
    };
  }
  if (error instanceof ApiError && error.status === 413) {
    return {
      message:
        'The concept note is too large to read (over 10 MB). Paste the concept note itself, without its annexes.',
    };
  }
  if (error instanceof ApiError) return { message: `The concept note could not be read: ${error.message}.` };
  if (error instanceof NetworkError)
    return {
      message:
        'The server cannot be reached, so the concept note cannot be read now. Check your connection and try again.',
    };
  return { message: 'Something went wrong while reading the concept note.' };
}
