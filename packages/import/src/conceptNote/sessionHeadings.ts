/**
 * Recognising one line as a session heading or a day heading. Only the start of a line counts,
 * and a number must be followed by a separator, the end of the line or a capitalised title:
 * "Session 3 will focus on ..." in a description is not a heading.
 */
import { ORDINAL_WORDS, parseSessionNumber } from './romanNumerals.ts';

export interface SessionHeading {
  /** As written: "Session 2", "PANEL III", "Breakout session 1". */
  label: string;
  /** What kind of session, for telling "Session 1" from "Breakout session 1": "session", "breakout session", "panel". */
  kind: string;
  number: number;
  /** Empty when the title is on the next line. */
  title: string;
}

const DASH = '[-\\u2010-\\u2015]';
// "10:00-11:30", "10.00 – 11.30 hrs", "9:30 a.m. to 11 a.m.", "14h00".
const TIME = `\\d{1,2}(?:[:.h]\\d{2})?\\s*(?:[ap]\\.?m\\.?|hrs?|h)?`;
const CLOCK = `\\d{1,2}[:.h]\\d{2}\\s*(?:[ap]\\.?m\\.?|hrs?|h)?`;
const TIME_RANGE = `(?:${TIME}\\s*(?:${DASH}|to)\\s*${TIME}|${CLOCK})`;
const TIME_PREFIX = `${TIME_RANGE}\\s*(?:[|:]|${DASH})?\\s*`;
const TIME_ONLY = new RegExp(`^\\(?${TIME_RANGE}\\)?$`, 'i');
const KIND =
  '((?:(?:high[- ]level|thematic|plenary|parallel|interactive|technical|working|substantive)\\s+)?' +
  '(?:break[- ]?out\\s+)?(?:session|panel(?:\\s+discussion)?|segment|round[- ]?table|workshop|module|theme|topic|(?:working|discussion|break[- ]?out)\\s+group|track))';
const SEPARATOR = `(?:[:.)|\\u2010-\\u2015-])`;
// What may come before the heading on its line: a list marker ("• Session 1: ..."), an outline
// number ("3.1 Session 1: ..."), a time ("10:00 – 11:30 Session 1: ...").
const BEFORE = `^(?:[-*•●◦▪–]\\s+)?(?:\\d{1,2}(?:\\.\\d{1,2})+\\.?\\s+|\\d{1,2}\\.\\s+)?(?:${TIME_PREFIX})?`;

const NUMBERED = new RegExp(
  `${BEFORE}(${KIND}\\s+(\\d{1,2}|[IVXLC]{1,7}|[A-Za-z]{3,9})(?![\\p{L}\\d]|\\.\\d))\\s*(\\([^)]{0,80}\\))?\\s*(${SEPARATOR})?\\s*(.*)$`,
  'iu',
);
const ORDINAL = new RegExp(
  `${BEFORE}((${ORDINAL_WORDS.join('|')})\\s+${KIND})\\b\\s*(\\([^)]{0,80}\\))?\\s*(${SEPARATOR})?\\s*(.*)$`,
  'iu',
);

function kindOf(written: string): string {
  const lower = written.toLowerCase().replace(/[-\s]+/g, ' ');
  const breakout = /\bbreak ?out\b/.test(lower) ? 'breakout ' : '';
  const noun =
    /(session|panel|segment|round ?table|workshop|module|theme|topic|group|track)/.exec(lower)?.[1] ?? lower;
  return breakout + noun.replace(' ', '');
}

/** A programme line that is only a time ("10:00 – 11:30"). */
export function isTimeOnly(line: string): boolean {
  return TIME_ONLY.test(line);
}

// "(10:00 – 11:30)", "10:00 – 11:30", "(Moderator: Ambassador X)" after a title in a programme.
// Only clock times ("10:00", "9 a.m."): "Phase 1 - 2" at the end of a title is not a time.
const CLOCKISH = `(?:${CLOCK}|\\d{1,2}\\s*[ap]\\.?m\\.?)`;
const TRAILING_TIME = new RegExp(
  `\\s*(?:[,|]|${DASH})?\\s*\\(?(?<![\\d\\p{L}])${CLOCKISH}(?:\\s*(?:${DASH}|to)\\s*${CLOCKISH})?\\)?$`,
  'iu',
);
const TRAILING_DETAIL =
  /\s*\((?:moderat(?:or|ed by)|chair(?:ed by)?|facilitat(?:or|ed by)|speakers?|panell?ists?|rapporteur)\b[^()]*\)$/i;

/** A session's title as written, without the programme's times and details or wrapping quotes. */
export function cleanTitle(title: string): string {
  let clean = title.replace(/\s+/g, ' ').trim();
  for (let previous = ''; previous !== clean; ) {
    previous = clean;
    clean = clean.replace(TRAILING_DETAIL, '').replace(TRAILING_TIME, '').trim();
  }
  const quoted = /^["“‘'](.*)["”’']$/.exec(clean);
  if (quoted && !/["“”]/.test(quoted[1]!)) clean = quoted[1]!.trim();
  // A heading written as a sentence: "Session 1: Evolving challenges." (not "U.N.", "etc.").
  if (/[\p{Ll})]\.$/u.test(clean) && !/\b(?:etc|e\.g|i\.e|al)\.$/.test(clean)) clean = clean.slice(0, -1);
  return clean;
}

/**
 * Whether what follows a number without a separator can be a title: "SESSION II" alone, or
 * "Session 1 Evolving challenges" (capitalised, short, not a sentence).
 */
function titleWithoutSeparator(rest: string): boolean {
  if (rest === '') return true;
  return /^["“‘]?\p{Lu}/u.test(rest) && rest.length <= 150 && !/[.;,]$/.test(rest);
}

/** The session heading `line` is, or null. */
export function parseSessionHeading(line: string): SessionHeading | null {
  const numbered = NUMBERED.exec(line);
  if (numbered) {
    const [, label, kind, token, , separator, rest] = numbered;
    const number = parseSessionNumber(token!);
    if (number === undefined) return null;
    const title = rest!.trim();
    if (!separator && !titleWithoutSeparator(title)) return null;
    // "Session 1, 2 and 3 will ...", "Session 2 - the participants will ...".
    if (separator && separator !== ':' && /^\p{Ll}/u.test(title) && /\.$/.test(title)) return null;
    return { label: label!.trim(), kind: kindOf(kind!), number, title: cleanTitle(title) };
  }
  const ordinal = ORDINAL.exec(line);
  if (ordinal) {
    const [, label, word, kind, , separator, rest] = ordinal;
    const title = rest!.trim();
    if (!separator && title !== '') return null;
    return {
      label: label!.trim(),
      kind: kindOf(kind!),
      number: parseSessionNumber(word!)!,
      title: cleanTitle(title),
    };
  }
  return null;
}

const DAY = new RegExp(
  `^(?:day|jour)\\s+(\\d{1,2}|[IVX]{1,4}|one|two|three|four|five|six|seven)(?![\\p{L}\\d])\\s*(?:$|(?:[:,(|]|${DASH})\\s*(.*)$)`,
  'iu',
);
const ORDINAL_DAY = new RegExp(
  `^(${ORDINAL_WORDS.slice(0, 7).join('|')})\\s+day\\b\\s*(?:$|(?:[:,(|]|${DASH})\\s*(.*)$)`,
  'iu',
);

// A date line that ends with its day: "Tuesday, 15 April 2025 (Day 1)", "16 April – Day 2".
const DAY_AFTER_DATE = new RegExp(
  `^(?:[\\p{L}]+,?\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+\\p{L}+\\.?(?:,?\\s+\\d{4})?\\s*(?:${DASH}|,|\\()\\s*day\\s+(\\d{1,2}|one|two|three|four|five)\\)?$`,
  'iu',
);

/** The day number of a "Day 1", "DAY TWO – 16 April 2025", "Second day:" heading, or undefined. */
export function parseDayHeading(line: string): number | undefined {
  if (line.length > 120) return undefined;
  const day = DAY.exec(line) ?? ORDINAL_DAY.exec(line) ?? DAY_AFTER_DATE.exec(line);
  return day ? parseSessionNumber(day[1]!) : undefined;
}

const INTERLUDE = new RegExp(
  `^(?:${TIME_PREFIX})?(?:(?:coffee|tea|lunch|health|comfort|networking)\\s+)?break\\b|` +
    `^(?:${TIME_PREFIX})?(?:(?:official|high-level|formal)\\s+)?(?:opening|closing|welcome|welcoming|concluding)\\s+(?:session|remarks|segment|ceremony|address|plenary|statements?)\\b|` +
    `^(?:${TIME_PREFIX})?(?:lunch|dinner|reception|registration|arrival of participants|group photo|family photo|end of (?:day|the meeting)|adjournment)\\b`,
  'iu',
);

/**
 * Programme entries between sessions ("Coffee break", "Opening session", "12:30 Lunch"): they
 * end the session before them, and what follows them belongs to no session.
 */
export function isInterlude(line: string): boolean {
  return line.length <= 120 && INTERLUDE.test(line);
}
