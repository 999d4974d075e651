/**
 * Turns whatever text a concept note arrives as (pasted from Word or a PDF viewer, a .txt or .md
 * upload, mammoth's raw text of a .docx) into plain lines the other modules can rely on:
 * `\n` line ends, single ASCII spaces, no invisible characters, no page furniture.
 *
 * Quotes and dashes are left as written: titles must come out exactly as the co-hosts wrote
 * them, so the patterns elsewhere accept every dash and quote instead.
 */

// Invisible characters that split words for matching without showing: soft hyphen, zero-width
// space/joiners, word joiner, byte order mark (also found mid-text after concatenating files).
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
// C0/C1 controls except tab, line feed, vertical tab, form feed and carriage return.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F]/g;
// Tabs (Word tables and numbered lists paste as "1.\tTitle") and every Unicode space.
const SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;
// Inline HTML that converters leave behind ("<u>UN pledging guide</u>", "25<sup>th</sup>").
// Only these tag names: a concept note may legitimately contain "<" in prose.
const INLINE_TAG = /<\/?(?:a|b|i|u|s|em|strong|sup|sub|span|small|mark|font|ins|del)\b[^<>]{0,200}>/gi;
const BLOCK_TAG = /<\/?(?:br|p|div|li|ul|ol|h[1-6]|table|tr|td|th)\b[^<>]{0,200}>/gi;
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  nbsp: ' ',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201C',
  rdquo: '\u201D',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
};
const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi;

// A line that is only a page number: "3", "- 3 -", "Page 3", "Page 3 of 12", "3/12".
const PAGE_NUMBER =
  /^(?:page\s+\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?|[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014]|\d{1,4}\s*(?:\/|of)\s*\d{1,4}|\d{1,3})$/i;

function decodeEntity(match: string, body: string): string {
  if (body.startsWith('#')) {
    const code =
      body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
  }
  return ENTITIES[body.toLowerCase()] ?? match;
}

/**
 * Running headers and footers: a line that starts or ends at least two pages (form feeds, as
 * pdftotext writes them) is page furniture, not content. Only the edge lines are removed, so a
 * session title that happens to repeat in the text is kept.
 */
function removeRunningHeaders(pages: string[][]): void {
  const edgeCounts = new Map<string, number>();
  const edges = (page: string[]): number[] => {
    const filled = page.map((line, i) => (line.trim() === '' ? -1 : i)).filter((i) => i >= 0);
    return filled.length === 0 ? [] : [...new Set([filled[0]!, filled[filled.length - 1]!])];
  };
  for (const page of pages) {
    for (const i of edges(page)) {
      const key = page[i]!.trim();
      edgeCounts.set(key, (edgeCounts.get(key) ?? 0) + 1);
    }
  }
  for (const page of pages) {
    for (const i of edges(page)) {
      if ((edgeCounts.get(page[i]!.trim()) ?? 0) >= 2) page[i] = '';
    }
  }
}

/** Plain, trimmed lines joined by `\n`, at most one blank line in a row. */
export function normalizeText(text: string): string {
  const cleaned = text
    .replace(INVISIBLE, '')
    .replace(CONTROLS, '')
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(BLOCK_TAG, '\n')
    .replace(INLINE_TAG, '')
    .replace(ENTITY, decodeEntity)
    .replace(SPACES, ' ');

  const pages = cleaned.split(/[\f\v]/).map((page) => page.split('\n'));
  if (pages.length > 1) removeRunningHeaders(pages);

  const out: string[] = [];
  for (const page of pages) {
    // A page break always ends a paragraph; a sentence cut by it is rejoined later, where
    // descriptions are assembled (see sessionBody.ts).
    out.push('');
    for (const raw of page) {
      const line = raw.replace(/ {2,}/g, ' ').trim();
      if (PAGE_NUMBER.test(line)) {
        out.push('');
        continue;
      }
      if (line === '' && out[out.length - 1] === '') continue;
      out.push(line);
    }
  }
  while (out.length > 0 && out[0] === '') out.shift();
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
