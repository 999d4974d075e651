/**
 * The line model every finder works on. Markdown is read here, once, so that the rest of the
 * extractor sees "Session 1: Title" whether the author wrote it as `## Session 1: Title`,
 * `**Session 1: Title**`, a setext heading or a row of a markdown table.
 */

export interface Line {
  /** The text without heading markers, emphasis, link syntax or block-quote markers. */
  readonly text: string;
  /** Markdown heading depth (1 for `#` or `===`), 0 for anything else. */
  readonly level: number;
}

export const BLANK: Line = { text: '', level: 0 };

/** Emphasis and link syntax removed; list markers at the start are kept for `bulletOf`. */
export function stripInlineMarkup(text: string): string {
  return (
    text
      // [text](url) and ![alt](url)
      .replace(/!?\[([^\]]{0,500})\]\([^)\s]{0,2000}\)/g, '$1')
      .replace(/\*\*|__|`/g, '')
      // *emphasis* / _emphasis_: only when the markers hug the words, so "* item" and
      // snake_case survive.
      .replace(/(^|[\s(“"'‘])[*_](?=[^\s*_])([^*_]{1,500}?)(?<=[^\s*_])[*_](?=$|[\s).,;:!?”"'’])/g, '$1$2')
      // Markdown escapes: "1\. Title", "\*".
      .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
      .trim()
  );
}

const ATX_HEADING = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/;
const SETEXT_UNDERLINE = /^(=+|-+)$/;
const THEMATIC_BREAK = /^(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,})$/;
const TABLE_DELIMITER = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;

/** Cells of a markdown table row, or undefined when the line is not one. */
function tableCells(line: string): string[] | undefined {
  if (!line.startsWith('|') || !line.endsWith('|') || line.length < 3) return undefined;
  return line
    .slice(1, -1)
    .split('|')
    .map((cell) => cell.trim());
}

// Table columns whose cells are read as they are; any other column's cells get its header as
// a label ("Moderator: Ambassador X"), so that they read as a session's details.
const PLAIN_COLUMNS =
  /^(?:time|times|hours?|session|sessions|title|topic|theme|panel|item|programme|program|agenda|day|date|#|no\.?)$/i;

/**
 * Lines of normalized text (see normalize.ts). A table row becomes one paragraph per cell, so
 * that a programme table ("| 10:00 | Session 1: Title | Ambassador X |") reads like a programme
 * written as text.
 */
export function toLines(text: string): Line[] {
  const raw = text.split('\n');
  const lines: Line[] = [];
  let columns: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let line = raw[i]!;
    while (line.startsWith('>')) line = line.replace(/^>\s?/, '');
    line = line.trim();

    const underline = raw[i + 1]?.trim() ?? '';
    if (line !== '' && SETEXT_UNDERLINE.test(underline) && underline.length >= 3 && !bulletOf(line)) {
      lines.push({ text: stripInlineMarkup(line), level: underline.startsWith('=') ? 1 : 2 });
      i++;
      continue;
    }
    if (THEMATIC_BREAK.test(line) || (TABLE_DELIMITER.test(line) && line.includes('-'))) {
      lines.push(BLANK);
      continue;
    }
    const cells = tableCells(line);
    if (cells) {
      // The header row is the one right above the |---|---| delimiter row.
      if (TABLE_DELIMITER.test(raw[i + 1]?.trim() ?? '')) {
        columns = cells.map((cell) => stripInlineMarkup(cell));
        i++;
        continue;
      }
      cells.forEach((cell, column) => {
        const value = stripInlineMarkup(cell);
        if (value === '') return;
        const header = columns[column] ?? '';
        const labelled = header === '' || PLAIN_COLUMNS.test(header) ? value : `${header}: ${value}`;
        lines.push(BLANK, { text: labelled, level: 0 });
      });
      lines.push(BLANK);
      continue;
    }
    columns = [];
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      lines.push({ text: stripInlineMarkup(heading[2]!), level: heading[1]!.length });
      continue;
    }
    lines.push({ text: stripInlineMarkup(line), level: 0 });
  }
  // Collapse the blank runs that tables and breaks introduce.
  const collapsed = lines.filter((line, i) => line.text !== '' || (i > 0 && lines[i - 1]!.text !== ''));
  if (collapsed[collapsed.length - 1]?.text === '') collapsed.pop();
  return collapsed;
}

export interface Bullet {
  marker: string;
  rest: string;
}

// "-", "*", "•" and the other bullets Word exports, "o" (Word's second-level bullet, followed by a
// space), "1." / "1)" / "(1)", "a)" / "(a)" / "a.", "(i)" / "i)" / "iv.".
const BULLET =
  /^([-*+•●◦▪▫■□‣⁃∙·○➢➤►–—]|o(?= )|\d{1,2}[.)]|\(\d{1,2}\)|\((?:[a-z]|[ivx]{1,5})\)|(?:[a-z]|[ivx]{1,5})[.)])\s+(\S.*)$/;

/** The list marker and the item text of a list line, or undefined. */
export function bulletOf(text: string): Bullet | undefined {
  const match = BULLET.exec(text);
  return match ? { marker: match[1]!, rest: match[2]! } : undefined;
}

const FIELD = /^\p{Lu}[\p{L} /'’-]{1,30}:\s+\S/u;

/** "Moderator: Ambassador X", "Speakers: ...": a session's details, one per line, never a title. */
export function isFieldLine(text: string): boolean {
  return FIELD.test(text);
}

/** Lines grouped into paragraphs (runs of non-blank lines). */
export function paragraphsOf(lines: readonly Line[]): Line[][] {
  const paragraphs: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.text === '') {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}
