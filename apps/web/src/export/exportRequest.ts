import { apiFetch } from '../api.ts';

/** What the export dialog asks the server for (see docs/export.md). */
export type ExportFormat = 'pdf' | 'docx';

export interface ExportOptions {
  tags: 'show' | 'hide';
  annexes: Array<'theme' | 'addressee'>;
}

/** The API address of an export; `inline` asks for a PDF the browser can show rather than save. */
export function exportUrl(
  documentId: string,
  format: ExportFormat,
  options: ExportOptions,
  inline = false,
): string {
  const query = new URLSearchParams({ tags: options.tags });
  if (options.annexes.length) query.set('annex', options.annexes.join(','));
  if (inline) query.set('disposition', 'inline');
  return `/api/documents/${encodeURIComponent(documentId)}/export.${format}?${query.toString()}`;
}

export interface ExportedFile {
  blob: Blob;
  filename: string;
}

/** The file name the server chose (RFC 6266 filename*, else filename), or a fallback. */
export function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1]!.trim() : fallback;
}

/**
 * Fetches an export. Errors carry the server's message ({"error": "..."}), so the user reads
 * "document not found" rather than "HTTP 404".
 */
export async function fetchExport(
  url: string,
  fallbackName: string,
  signal?: AbortSignal,
): Promise<ExportedFile> {
  const response = await apiFetch(url, { signal });
  if (!response.ok) {
    let message = `The export failed (HTTP ${response.status}).`;
    try {
      const body = (await response.json()) as { error?: unknown };
      if (typeof body.error === 'string') message = `The export failed: ${body.error}.`;
    } catch {
      // not JSON: keep the status message
    }
    throw new Error(message);
  }
  return {
    blob: await response.blob(),
    filename: filenameFrom(response.headers.get('content-disposition'), fallbackName),
  };
}

/** Saves a blob under a name, through a temporary link (no popup, works in every browser). */
export function saveFile({ blob, filename }: ExportedFile): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled; the download keeps its own reference.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
