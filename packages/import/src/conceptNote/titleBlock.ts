/**
 * The title block at the top of a concept note: the meeting's title and theme. Concept notes
 * converted from PDF often flatten it onto one line ("Preparatory Meeting for the 2025 UN
 * Peacekeeping Ministerial Co-hosted by ... 15-16 April 2025 in Islamabad, Pakistan"), so the
 * title is cut where the co-hosts, the dates or the venue begin.
 */
import { findDateMentions } from './dates.ts';
import { paragraphsOf, type Line } from './lines.ts';
import { questionsLabel } from './guidingQuestions.ts';
import { parseDayHeading, parseSessionHeading } from './sessionHeadings.ts';
import { sectionRole } from './sections.ts';

const MEETING_NOUN =
  /\b(?:meeting|conference|seminar|workshop|dialogue|forum|symposium|round[- ]?table|summit|consultations?|retreat|colloquium|event|ministerial|webinar|briefing)\b/i;
const CONCEPT_NOTE =
  /^(?:draft\s+|revised\s+|final\s+)?concept\s+(?:note|paper)\b(?:\s*[:\u2013\u2014-]\s*|\s+(?:for|on|of)\s+(?:the\s+)?|\s+(?=\S)|$)/i;
const LABEL = /^(title|meeting|event|theme|topic|subject)\s*[:：]\s*(.+)$/i;
const QUOTED = /^["“‘'«]\s*(.+?)\s*["”’'»]$/;
const QUOTED_PART = /["“«]([^"“”«»]{8,200})["”»]/;
const HOSTED_BY =
  /(?:\s*[,\u2013\u2014-])?\s*\b(?:co-?hosted|jointly hosted|hosted|co-?organi[sz]ed|organi[sz]ed|co-?chaired|chaired|co-?convened|convened)\s+by\b/i;
const HOSTED_BY_LINE =
  /^(?:(?:co-?|jointly\s+)?(?:hosted|organi[sz]ed|chaired|convened)\s+by|co-?hosts?\b|hosts?:)/i;
const CONCEPT_NOTE_LINE = /^(?:draft\s+|revised\s+|final\s+)?concept\s+(?:note|paper)$/i;
const NOT_A_TITLE =
  /^(?:co-?hosts?|hosts?|co-?chairs?|venue|dates?|location|draft|non-paper|version|as of|updated|(?:co-?)?hosted by|organi[sz]ed by)\b/i;

/**
 * The title block: paragraphs before the first section heading, session, or paragraph of
 * running text (over 300 characters with sentences in it: a title block flattened onto one
 * line can be as long, but has no full stops).
 */
export function headerOf(lines: readonly Line[]): Line[] {
  const header: Line[] = [];
  let paragraphs = 0;
  let paragraph = '';
  for (const line of lines) {
    const text = line.text;
    if (text === '') {
      if (paragraph !== '') paragraphs++;
      paragraph = '';
      if (paragraphs >= 12) break;
      header.push(line);
      continue;
    }
    const heading =
      sectionRole(line) !== null ||
      parseSessionHeading(text) !== null ||
      parseDayHeading(text) !== undefined ||
      questionsLabel(text) !== undefined;
    if (heading) break;
    paragraph += ` ${text}`;
    if (paragraph.length > 300 && (paragraph.match(/[.!?]\s/g)?.length ?? 0) >= 2) {
      // Drop the lines of running text already taken.
      while (header.length > 0 && header[header.length - 1]!.text !== '') header.pop();
      break;
    }
    header.push(line);
  }
  return header;
}

function trimPunctuation(text: string): string {
  return text.replace(/^[\s,;:|\u2013\u2014-]+|[\s,;:|\u2013\u2014-]+$/g, '').replace(/\s+/g, ' ');
}

/** The title as written, without what follows it on a flattened title-block line. */
function cutTitle(paragraph: string, venue: string | null): string {
  let title = paragraph.replace(CONCEPT_NOTE, '');
  const hosted = HOSTED_BY.exec(title);
  if (hosted) title = title.slice(0, hosted.index);
  const date = findDateMentions(title)[0];
  if (date) title = title.slice(0, date.index).replace(/\s+(?:on|from)\s*$/i, '');
  // "Virtual Dialogue on ... (virtual)": the format is not part of the title.
  title = trimPunctuation(title.replace(/\s*\((?:virtual|online|hybrid|in[- ]person)\)\s*$/i, ''));
  // "..., Accra" / "... in Accra, Ghana" left before the date.
  if (venue) {
    const at = title.lastIndexOf(venue);
    if (
      at > 0 &&
      /(?:,|\bin)\s*$/.test(title.slice(0, at)) &&
      /^(?:,\s*[^,]+)?$/.test(title.slice(at + venue.length))
    ) {
      title = trimPunctuation(title.slice(0, at).replace(/\bin\s*$/, ''));
    }
  }
  return title;
}

/**
 * A title-block paragraph cut into its parts: a title may wrap onto several lines, but a line
 * that is a label ("Co-hosts: ..."), a "co-hosted by" line, a date line, a quoted theme, a
 * markdown heading or "Concept note" starts a new part.
 */
function titleBlockParts(paragraph: readonly Line[]): string[] {
  const parts: string[] = [];
  let startsNew = true;
  for (const line of paragraph) {
    const text = line.text;
    const own =
      line.level > 0 ||
      /^[\p{L} ]{2,25}[:：]/u.test(text) ||
      HOSTED_BY_LINE.test(text) ||
      QUOTED.test(text) ||
      CONCEPT_NOTE_LINE.test(text) ||
      findDateMentions(text).length > 0;
    if (own || startsNew) parts.push(text);
    else parts[parts.length - 1] += ` ${text}`;
    startsNew = own;
  }
  return parts;
}

/** The meeting's title and theme from the title block; either may be null. */
export function findTitleAndTheme(
  header: readonly Line[],
  venue: string | null,
): { title: string | null; theme: string | null } {
  let title: string | null = null;
  let theme: string | null = null;
  const candidates: string[] = [];
  for (const paragraph of paragraphsOf(header)) {
    for (const text of titleBlockParts(paragraph)) {
      const label = LABEL.exec(text);
      if (label) {
        const value = trimPunctuation(label[2]!.replace(QUOTED, '$1'));
        if (/^(?:theme|topic|subject)$/i.test(label[1]!)) theme ??= value;
        else title ??= cutTitle(value, venue);
        continue;
      }
      const quoted = QUOTED.exec(text);
      if (quoted && !MEETING_NOUN.test(quoted[1]!)) {
        theme ??= quoted[1]!;
        continue;
      }
      // A flattened title block that opens with the quoted theme: '“Theme” Preparatory Meeting ...'.
      const unprefixed = text.replace(CONCEPT_NOTE, '');
      const leading = QUOTED_PART.exec(unprefixed);
      if (leading?.index === 0 && MEETING_NOUN.test(unprefixed.slice(leading[0].length))) {
        theme ??= leading[1]!.trim();
        candidates.push(unprefixed.slice(leading[0].length));
        continue;
      }
      candidates.push(text);
    }
  }
  if (title === null) {
    const usable = candidates
      .map((text) => ({ text, title: cutTitle(text, venue) }))
      .filter(
        ({ text, title: t }) =>
          t.length >= 4 &&
          t.length <= 250 &&
          !NOT_A_TITLE.test(text) &&
          !CONCEPT_NOTE.test(t) &&
          findDateMentions(t).length === 0,
      );
    const chosen = usable.find(({ title: t }) => MEETING_NOUN.test(t)) ?? usable[0];
    title = chosen ? chosen.title : null;
  }
  if (theme === null && title !== null) {
    // 'Preparatory Meeting on "Protection of Civilians"': the quoted part is the theme.
    const part = QUOTED_PART.exec(title);
    if (part) theme = part[1]!.trim();
    else {
      const onTheme = /\bon the (?:theme|topic) (?:of\s+)?(.+)$/i.exec(title);
      if (onTheme) theme = trimPunctuation(onTheme[1]!);
    }
  }
  return { title, theme };
}
