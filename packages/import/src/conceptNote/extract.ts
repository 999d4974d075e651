/**
 * Concept note → the meeting's title block and its sessions, to start a chair's summary from.
 * Pure and synchronous (no DOM, no Node APIs) so that the browser can preview an import and
 * the server can run it on an upload; the coordinator of the finders in this folder.
 */
import { findCoHosts } from './coHosts.ts';
import { ConceptNoteTooLargeError, NoSessionsFoundError } from './errors.ts';
import { toLines } from './lines.ts';
import { pickMeetingDates } from './meetingDates.ts';
import { normalizeText } from './normalize.ts';
import { findSessions } from './sessions.ts';
import { findTitleAndTheme, headerOf } from './titleBlock.ts';
import type { ConceptNoteExtraction, ConceptNoteMeeting } from './types.ts';
import { findFormat, findVenue } from './venue.ts';

/**
 * A concept note is a few pages (the 2025 one is 10 kB). Every finder is linear in the text,
 * but a refusal with a clear message beats a tab busy for seconds on a pasted 200-page report.
 */
export const MAX_CONCEPT_NOTE_BYTES = 2 * 1024 * 1024;

/** UTF-8 length, without TextEncoder's copy of the whole text. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      // A surrogate pair: one code point of 4 bytes.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Reads a concept note's text (pasted, a .txt/.md file, or the raw text of a .docx).
 * Throws `NoSessionsFoundError` when no session can be found (nothing to start a summary
 * from) and `ConceptNoteTooLargeError` over `MAX_CONCEPT_NOTE_BYTES`. Everything else that
 * could not be found is null or empty, with a warning.
 */
export function extractConceptNote(text: string): ConceptNoteExtraction {
  if (typeof text !== 'string')
    throw new TypeError(`expected the concept note's text as a string, got ${typeof text}`);
  const bytes = utf8Length(text);
  if (bytes > MAX_CONCEPT_NOTE_BYTES) throw new ConceptNoteTooLargeError(bytes, MAX_CONCEPT_NOTE_BYTES);

  const normalized = normalizeText(text);
  if (normalized === '') throw new NoSessionsFoundError('the text is empty');
  const lines = toLines(normalized);
  const header = headerOf(lines);
  const headerText = header.map((line) => line.text).join('\n');
  const fullText = lines.map((line) => line.text).join('\n');
  const warnings: string[] = [];

  const picked = pickMeetingDates(headerText, fullText);
  const dates = picked?.mention;
  if (!dates)
    warnings.push('no meeting dates found (looked for dates like "15-16 April 2025" or "April 15-16, 2025")');
  else if (dates.problem) warnings.push(`the meeting's dates could not be read: ${dates.problem}`);
  else if (picked.guessed)
    warnings.push(
      `the meeting's dates were taken from the first date in the text, "${dates.text}": check them`,
    );

  const format = findFormat(fullText);
  const venue = findVenue({
    lines: lines.map((line) => line.text),
    header: headerText,
    text: fullText,
    dates: dates?.text ?? null,
    format,
  });
  if (venue === null)
    warnings.push(
      'no venue found (looked for "Venue: ...", "in <city>" next to the dates, "held virtually")',
    );
  const coHosts = findCoHosts(headerText, fullText);
  if (coHosts.length === 0)
    warnings.push('no co-hosts found (looked for "co-hosted by ...", "Co-hosts: ...", "hosted by ...")');
  const { title, theme } = findTitleAndTheme(header, venue);
  if (title === null) warnings.push('no meeting title found at the top of the text');

  const meeting: ConceptNoteMeeting = {
    title,
    theme,
    coHosts,
    dates: dates?.text ?? null,
    ...(dates?.start && dates.end ? { startDate: dates.start, endDate: dates.end } : {}),
    venue,
    format,
  };

  const found = findSessions(lines, { startDate: meeting.startDate, endDate: meeting.endDate });
  if (found.sessions.length === 0) throw new NoSessionsFoundError();
  return { meeting, sessions: found.sessions, warnings: [...warnings, ...found.warnings] };
}
