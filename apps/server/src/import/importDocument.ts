import type { BuiltDocument } from '@plenary/templates';
import { EMPTY_MEETING } from '@plenary/schema';
import { docxToMarkdown } from './docx.ts';
import { markdownToBlocks } from './markdown.ts';
import { structureImport } from './structure.ts';

export type ImportKind = 'docx' | 'markdown';

export class UnsupportedFileError extends Error {
  constructor(filename: string) {
    super(`cannot import ${JSON.stringify(filename)}: upload a Word (.docx) or Markdown (.md) file`);
    this.name = 'UnsupportedFileError';
  }
}

/** Which importer a file name calls for. */
export function importKindOf(filename: string): ImportKind {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.docx')) return 'docx';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  throw new UnsupportedFileError(filename);
}

/**
 * An existing draft turned into a new summary: headings, lists and emphasis kept, sections
 * recognised from their headings, session headings turned into sessions.
 */
export async function importDraft(
  file: Uint8Array,
  kind: ImportKind,
  newId: () => string,
): Promise<{ built: BuiltDocument; title: string | null; warnings: string[] }> {
  let markdown: string;
  let warnings: string[] = [];
  if (kind === 'docx') ({ markdown, warnings } = await docxToMarkdown(file));
  else markdown = new TextDecoder('utf-8', { fatal: false }).decode(file);
  const { title, sessions, body } = structureImport(markdownToBlocks(markdown), newId);
  return {
    built: { templateId: 'blank', meeting: { ...EMPTY_MEETING, title: title ?? '' }, sessions, body },
    title,
    warnings,
  };
}
