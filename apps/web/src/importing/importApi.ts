import type { ConceptNoteExtraction } from '@plenary/import';
import { request } from '../api.ts';
import { isExtraction } from './conceptNoteDraft.ts';

/** What the server found in a concept note: pasted text, or a .docx/.txt/.md file. */
export function readConceptNote(source: string | File, signal?: AbortSignal): Promise<ConceptNoteExtraction> {
  const init: RequestInit =
    typeof source === 'string'
      ? { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: source, signal }
      : { method: 'POST', body: formWith(source), signal };
  return request('/api/import/concept-note', init, (value) => {
    if (!isExtraction(value))
      throw new TypeError('The server answered with something that is not a concept-note reading.');
    return value;
  });
}

export interface ImportedDraft {
  readonly id: string;
  readonly title: string;
  /** How many sessions were recognised from the headings. */
  readonly sessions: number;
  readonly warnings: readonly string[];
}

/** A new summary from a Word (.docx) or Markdown draft. */
export function importDraft(file: File): Promise<ImportedDraft> {
  return request('/api/documents/import', { method: 'POST', body: formWith(file) }, (value) => {
    const body = value as Partial<Record<keyof ImportedDraft, unknown>> | null;
    if (typeof body?.id !== 'string') throw new TypeError(`Not a document: ${JSON.stringify(value)}`);
    return {
      id: body.id,
      title: typeof body.title === 'string' ? body.title : '',
      sessions: typeof body.sessions === 'number' ? body.sessions : 0,
      warnings: Array.isArray(body.warnings)
        ? body.warnings.filter((w): w is string => typeof w === 'string')
        : [],
    };
  });
}

/** The multipart body the server expects: the file in a field named "file". */
function formWith(file: File): FormData {
  const form = new FormData();
  form.append('file', file, file.name);
  return form;
}

/** Uploads are refused over this size (the server's limit, checked here first to save the wait). */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
