import { useEffect, useId, useRef, useState } from 'react';
import {
  exportUrl,
  fetchExport,
  saveFile,
  type ExportFormat,
  type ExportOptions,
  type ExportedFile,
} from './exportRequest.ts';

interface ExportDialogProps {
  readonly documentId: string;
  readonly title: string;
  readonly onClose: () => void;
  /** The document's locked final version: exports are made from it and marked final. */
  readonly finalVersion?: { readonly id: string; readonly sha256: string } | null;
}

type Work =
  | { state: 'idle' }
  | { state: 'working'; format: ExportFormat; purpose: 'preview' | 'download' }
  | { state: 'preview'; file: ExportedFile; url: string }
  | { state: 'failed'; message: string };

/**
 * Export to PDF or Word. The server renders from the document as stored there (never from this
 * page's HTML), so what is exported is what every editor sees once synced. A PDF can be
 * previewed in the browser before it is saved; both formats show progress while the server works.
 */
export function ExportDialog({ documentId, title, onClose, finalVersion = null }: ExportDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const abortRef = useRef<AbortController | null>(null);
  const [options, setOptions] = useState<ExportOptions>({ tags: 'show', annexes: [] });
  const [work, setWork] = useState<Work>({ state: 'idle' });
  const titleId = useId();
  const statusId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      abortRef.current?.abort();
      dialog?.close();
    };
  }, []);

  // The preview's object URL lives as long as the preview does.
  useEffect(() => {
    if (work.state !== 'preview') return undefined;
    return () => URL.revokeObjectURL(work.url);
  }, [work]);

  const run = async (format: ExportFormat, purpose: 'preview' | 'download') => {
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setWork({ state: 'working', format, purpose });
    try {
      const fallback = `${title || 'summary'}.${format}`;
      const file = await fetchExport(
        exportUrl(documentId, format, options, purpose === 'preview'),
        fallback,
        controller.signal,
      );
      if (purpose === 'preview') {
        setWork({ state: 'preview', file, url: URL.createObjectURL(file.blob) });
      } else {
        saveFile(file);
        setWork({ state: 'idle' });
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      setWork({ state: 'failed', message: error instanceof Error ? error.message : 'The export failed.' });
    }
  };

  const toggleAnnex = (annex: 'theme' | 'addressee', on: boolean) =>
    setOptions((current) => ({
      ...current,
      annexes: on
        ? [...current.annexes.filter((a) => a !== annex), annex]
        : current.annexes.filter((a) => a !== annex),
    }));

  const busy = work.state === 'working';
  return (
    <dialog
      ref={dialogRef}
      className={`dialog export-dialog${work.state === 'preview' ? ' export-dialog--preview' : ''}`}
      aria-labelledby={titleId}
      aria-describedby={statusId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <div className="dialog__body">
        <h2 id={titleId} className="dialog__title">
          Export “{title}”
        </h2>
        {work.state === 'preview' ? (
          <>
            <iframe
              className="export-dialog__preview"
              src={work.url}
              title={`Preview of ${work.file.filename}`}
            />
            <div className="dialog__actions">
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setWork({ state: 'idle' })}
              >
                Back to options
              </button>
              <button type="button" className="button button--primary" onClick={() => saveFile(work.file)}>
                Download PDF
              </button>
            </div>
          </>
        ) : (
          <>
            {finalVersion ? (
              <p className="dialog__lead export-dialog__final">
                <strong>Final copy.</strong> Exports are made from the final version approved by the co-hosts
                ({finalVersion.id}, SHA-256 <code>{finalVersion.sha256}</code>) and marked final.
              </p>
            ) : (
              <p className="dialog__lead">
                Exports are made from the document as saved on the server. Until the co-hosts finalise it,
                every page carries a DRAFT watermark.
              </p>
            )}
            <fieldset className="export-dialog__options" disabled={busy}>
              <legend className="field__label">Recommendations</legend>
              <label className="export-dialog__check">
                <input
                  type="checkbox"
                  checked={options.tags === 'show'}
                  onChange={(event) =>
                    setOptions((o) => ({ ...o, tags: event.target.checked ? 'show' : 'hide' }))
                  }
                />
                Show their tags (themes, addressees, status)
              </label>
              <label className="export-dialog__check">
                <input
                  type="checkbox"
                  checked={options.annexes.includes('theme')}
                  onChange={(event) => toggleAnnex('theme', event.target.checked)}
                />
                Annex: recommendations by theme
              </label>
              <label className="export-dialog__check">
                <input
                  type="checkbox"
                  checked={options.annexes.includes('addressee')}
                  onChange={(event) => toggleAnnex('addressee', event.target.checked)}
                />
                Annex: recommendations by addressee
              </label>
            </fieldset>
            <p id={statusId} className="export-dialog__status" role="status" aria-live="polite">
              {work.state === 'working' &&
                (work.format === 'pdf'
                  ? 'Preparing the PDF… (a long summary takes a second or two)'
                  : 'Preparing the Word file…')}
              {work.state === 'failed' && <span className="export-dialog__error">{work.message}</span>}
            </p>
            {busy && <progress className="export-dialog__progress" aria-label="Export in progress" />}
            <div className="dialog__actions">
              <button type="button" className="button button--quiet" onClick={onClose}>
                Close
              </button>
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void run('docx', 'download')}
              >
                Download Word
              </button>
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void run('pdf', 'download')}
              >
                Download PDF
              </button>
              <button
                type="button"
                className="button button--primary"
                disabled={busy}
                onClick={() => void run('pdf', 'preview')}
              >
                Preview PDF
              </button>
            </div>
          </>
        )}
      </div>
    </dialog>
  );
}
