import { useState } from 'react';
import { ExportDialog } from './ExportDialog.tsx';

interface ExportButtonProps {
  readonly documentId: string;
  readonly title: string;
  /** Set once the document is final: the export is the final copy. */
  readonly finalVersion?: { readonly id: string; readonly sha256: string } | null;
  /** False when the person may not export (a final copy needs the `exportFinal` right). */
  readonly allowed?: boolean;
}

/** The editor header's "Export" action: PDF (with preview) and Word. */
export function ExportButton({ documentId, title, finalVersion = null, allowed = true }: ExportButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--small"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        disabled={!allowed}
        title={allowed ? undefined : 'Only co-hosts and the secretariat export the final copy'}
      >
        {finalVersion ? 'Export final' : 'Export'}
      </button>
      {open && (
        <ExportDialog
          documentId={documentId}
          title={title}
          finalVersion={finalVersion}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
