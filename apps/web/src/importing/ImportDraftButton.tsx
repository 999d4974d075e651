import { useEffect, useId, useRef, useState } from 'react';
import { failureMessage } from '../templates/summaryApi.ts';
import { importDraft, MAX_UPLOAD_BYTES, type ImportedDraft } from './importApi.ts';

const ACCEPT =
  '.docx,.md,.markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/markdown';

/**
 * "Import a draft": a Word or Markdown file becomes a new summary, its sections recognised from
 * their headings. Opens it straight away, unless the import has something to say first.
 */
export function ImportDraftButton({ onImported }: { readonly onImported: (id: string) => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportedDraft | null>(null);

  const upload = async (file: File) => {
    setError(null);
    if (file.size > MAX_UPLOAD_BYTES) {
      setError(`“${file.name}” is over 10 MB, the largest draft Plenary imports.`);
      return;
    }
    setBusy(true);
    try {
      const imported = await importDraft(file);
      if (imported.warnings.length > 0) setResult(imported);
      else onImported(imported.id);
    } catch (caught) {
      setError(failureMessage(caught, 'imported'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button" disabled={busy} onClick={() => inputRef.current?.click()}>
        {busy ? 'Importing…' : 'Import a draft'}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept={ACCEPT}
        hidden
        aria-label="Draft to import (.docx or .md)"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = ''; // choosing the same file again must fire again
          if (file) void upload(file);
        }}
      />
      {error && (
        <p className="new-summary__error" role="alert">
          {error}
        </p>
      )}
      {result && <ImportedDialog result={result} onOpen={() => onImported(result.id)} />}
    </>
  );
}

/** What the import noticed (a heading it could not place, an image left out), before opening. */
function ImportedDialog({ result, onOpen }: { readonly result: ImportedDraft; readonly onOpen: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onCancel={onOpen}>
      <div className="dialog__body">
        <h2 id={titleId} className="dialog__title">
          Draft imported
        </h2>
        <p className="dialog__lead">
          “{result.title || 'Untitled summary'}” is ready, with {result.sessions} session
          {result.sessions === 1 ? '' : 's'} recognised. Worth a look:
        </p>
        <ul className="dialog__problem-list">
          {result.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
        <div className="dialog__actions">
          <button type="button" className="button button--primary" autoFocus onClick={onOpen}>
            Open the summary
          </button>
        </div>
      </div>
    </dialog>
  );
}
