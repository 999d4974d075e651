import { useState } from 'react';
import { ExportDialog } from './ExportDialog.tsx';

/** The editor header's "Export" action: PDF (with preview) and Word. */
export function ExportButton({ documentId, title }: { readonly documentId: string; readonly title: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button--small" onClick={() => setOpen(true)} aria-haspopup="dialog">
        Export
      </button>
      {open && <ExportDialog documentId={documentId} title={title} onClose={() => setOpen(false)} />}
    </>
  );
}
