/**
 * A session's title, wherever the heading puts it: after the number ("Session 1: Title"), on the
 * next line ("SESSION II" / title), wrapped onto a second line, or run into the description
 * ("Session 1 – Title. The session will ..."). The rules lean towards a short title: a line
 * that may be description stays description, and the co-hosts fix a title faster than they
 * find text that went missing from a description.
 */
import { questionsLabel } from './guidingQuestions.ts';
import { bulletOf, isFieldLine, type Line } from './lines.ts';
import {
  cleanTitle,
  isInterlude,
  isTimeOnly,
  parseDayHeading,
  parseSessionHeading,
} from './sessionHeadings.ts';
import { sectionRole } from './sections.ts';

/** Lines that cannot be the title of a session or part of one. */
function isStructural(line: Line): boolean {
  const text = line.text;
  return (
    text === '' ||
    line.level > 0 ||
    text.startsWith('(') ||
    bulletOf(text) !== undefined ||
    questionsLabel(text) !== undefined ||
    parseSessionHeading(text) !== null ||
    parseDayHeading(text) !== undefined ||
    sectionRole(line) !== null ||
    isInterlude(text) ||
    isFieldLine(text) ||
    isTimeOnly(text)
  );
}

/** Whether `lines[j]` continues a title that wrapped onto a second line. */
function continuesTitle(title: string, lines: readonly Line[], j: number): boolean {
  const next = lines[j];
  if (!next || isStructural(next) || /[.!?]$/.test(title)) return false;
  if (/^(?:\p{Ll}|(?:and|or|&|[\u2013\u2014])\s)/u.test(next.text)) return true;
  // A short line standing alone after the heading, not a sentence: the rest of the title,
  // unless it opens like a session's details ("Speakers to be confirmed").
  if (DETAILS_START.test(next.text)) return false;
  const after = lines[j + 1];
  return (
    next.text.length <= 100 && !/[.;:,]$/.test(next.text) && (!after || after.text === '' || after.level > 0)
  );
}

const DETAILS_START =
  /^(?:the|this|these|speakers?|panell?ists?|participants|moderat\w*|chair\w*|facilitat\w*|rapporteur\w*|tbc|tbd|to be)\b/i;
// Words whose full stop does not end a sentence.
const ABBREVIATION = /^(?:vs|e\.g|i\.e|etc|cf|mr|mrs|ms|dr|st|no|art|para|vol)$/i;

/**
 * "Evolving challenges. The session will ..." → title and description, for sessions written
 * as a paragraph. Undefined when the title has no sentence break.
 */
function splitTitleSentence(title: string): { title: string; rest: string } | undefined {
  for (const match of title.matchAll(/\.\s+(?=["“‘(]?\p{Lu})/gu)) {
    const before = title.slice(0, match.index);
    const word = /(\S+)$/.exec(before)?.[1] ?? '';
    if (before.length < 8 || word.length <= 1 || ABBREVIATION.test(word) || /\.\p{L}$/u.test(word)) continue;
    if (!/[\p{Ll}\d)]$/u.test(before)) continue;
    const rest = title.slice(match.index + match[0].length);
    // A description is a sentence of some length, not a subtitle ("Part one. Overview").
    if (rest.split(' ').length < 4) continue;
    return { title: before, rest };
  }
  return undefined;
}

export interface SessionTitle {
  title: string;
  /** Index of the first line after the heading and its title. */
  next: number;
  /** Description text that shared the title's line ("Session 1: Title. The session will ..."). */
  carried: Line[];
}

/**
 * The title of the session heading at `lines[i]`, whose own line gave `written` after the
 * number: on that line, on the next line, or wrapped onto a second line.
 */
export function readTitle(lines: readonly Line[], i: number, written: string): SessionTitle {
  const line = lines[i]!;
  let title = written;
  let next = i + 1;
  let fromNextLine = false;
  if (title === '') {
    // "SESSION II" / "Panel III:" with the title on the next line (perhaps after a blank one).
    let k = i + 1;
    if (lines[k]?.text === '') k++;
    const candidate = lines[k];
    // A long line ending in a full stop is the description: the title is missing.
    const sentence = candidate !== undefined && candidate.text.length > 80 && /[.!]$/.test(candidate.text);
    const labelled = candidate && /^(?:title|theme|topic)\s*:\s*(\S.*)$/i.exec(candidate.text);
    if (labelled) {
      // "Session 1" / "Title: Evolving challenges" / "Moderator: ..."
      return { title: cleanTitle(labelled[1]!), next: k + 1, carried: [] };
    }
    if (candidate && !isStructural(candidate) && candidate.text.length <= 200 && !sentence) {
      title = candidate.text;
      next = k + 1;
      fromNextLine = true;
    }
  }
  const split = splitTitleSentence(title);
  if (split) return { title: cleanTitle(split.title), next, carried: [{ text: split.rest, level: 0 }] };
  // Markdown headings do not wrap; a title on a plain line may.
  if (title !== '' && (line.level === 0 || fromNextLine)) {
    for (let added = 0; added < 2 && continuesTitle(title, lines, next); added++) {
      title = `${title} ${lines[next]!.text}`;
      next++;
    }
    const wrappedSplit = splitTitleSentence(title);
    if (wrappedSplit)
      return {
        title: cleanTitle(wrappedSplit.title),
        next,
        carried: [{ text: wrappedSplit.rest, level: 0 }],
      };
  }
  return { title: cleanTitle(title), next, carried: [] };
}
