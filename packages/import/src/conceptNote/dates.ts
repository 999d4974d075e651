/**
 * Meeting dates as concept notes write them: "15-16 April 2025", "15 and 16 April 2025",
 * "April 15-16, 2025", "28 February – 1 March 2024", "Tuesday, 15 April 2025",
 * "the 25th and 26th of October 2021", "31 December 2024 – 2 January 2025", "2025-04-15".
 * Each mention keeps the text as written (the chair's summary repeats it) and, when it is a
 * real calendar date or range, ISO dates.
 */

export interface DateMention {
  /** As written, e.g. "15-16 April 2025". */
  text: string;
  /** Offset of `text` in the searched string. */
  index: number;
  /** ISO yyyy-mm-dd; both undefined when the mention is not a real date (31 April). */
  start?: string;
  end?: string;
  /** Why there are no ISO dates, for a warning. */
  problem?: string;
}

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const WEEKDAY = '(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\\.?,?\\s+)?';
const ORDINAL = '(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';
// Every dash Word and PDF viewers produce, and the words that join two days.
const RANGE = '\\s*(?:[-\\u2010-\\u2015]|to|till|until|through|thru|and|&)\\s*';

// "15 April 2025", "15-16 April 2025", "28 February - 1 March 2024", "the 25th and 26th of October 2021".
const DAY_FIRST = new RegExp(
  `(?<![\\d\\p{L}])${WEEKDAY}(?:the\\s+)?(\\d{1,2})${ORDINAL}(?:\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?)?` +
    `(?:${RANGE}${WEEKDAY}(?:the\\s+)?(\\d{1,2})${ORDINAL})?\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}(?!\\d)`,
  'giu',
);
// "April 15, 2025", "April 15-16, 2025", "February 28 - March 1, 2024", "December 31, 2024 - January 2, 2025".
const MONTH_FIRST = new RegExp(
  `(?<![\\p{L}])${WEEKDAY}${MONTH}\\s+(?:the\\s+)?(\\d{1,2})${ORDINAL}(?!\\d)(?:,?\\s+${YEAR})?` +
    `(?:${RANGE}${WEEKDAY}(?:${MONTH}\\s+)?(\\d{1,2})${ORDINAL}(?!\\d))?,?\\s+${YEAR}(?!\\d)`,
  'giu',
);
const ISO =
  /(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?:\s*(?:[-\u2010-\u2015]|to)\s*((?:19|20)\d{2})-(\d{2})-(\d{2}))?(?!\d)/g;

export function monthNumber(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  return MONTH_NAMES.findIndex((month) => month.startsWith(lower.slice(0, 3))) + 1;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (ISO dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

interface Parts {
  startDay: number;
  startMonth: number;
  startYear: number | undefined;
  endDay: number | undefined;
  endMonth: number;
  endYear: number;
}

function mention(text: string, index: number, parts: Parts): DateMention {
  const { startDay, startMonth, endMonth, endYear } = parts;
  const endDay = parts.endDay ?? startDay;
  // "31 December - 2 January 2025": the first day is in the year before.
  const startYear = parts.startYear ?? (startMonth > endMonth ? endYear - 1 : endYear);
  const start = isoDate(startYear, startMonth, startDay);
  const end = isoDate(endYear, endMonth, endDay);
  if (!start || !end) return { text, index, problem: `"${text}" is not a calendar date` };
  const span = daysBetween(start, end);
  if (span < 0) return { text, index, problem: `"${text}" ends before it starts` };
  // A meeting, not a season: a longer span is more likely two unrelated dates read as one.
  if (span > 31) return { text, index, problem: `"${text}" spans more than a month` };
  return { text, index, start, end };
}

/** Every date or date range in `text`, in order, without overlaps. */
export function findDateMentions(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const m of text.matchAll(DAY_FIRST)) {
    const [whole, d1, m1, y1, d2, m2, y2] = m;
    found.push(
      mention(whole.trim(), m.index, {
        startDay: Number(d1),
        startMonth: monthNumber(m1 ?? m2!),
        startYear: y1 ? Number(y1) : undefined,
        endDay: d2 ? Number(d2) : undefined,
        endMonth: monthNumber(m2!),
        endYear: Number(y2),
      }),
    );
  }
  for (const m of text.matchAll(MONTH_FIRST)) {
    const [whole, m1, d1, y1, m2, d2, y2] = m;
    found.push(
      mention(whole.trim(), m.index, {
        startDay: Number(d1),
        startMonth: monthNumber(m1!),
        startYear: y1 ? Number(y1) : undefined,
        endDay: d2 ? Number(d2) : undefined,
        endMonth: monthNumber(m2 ?? m1!),
        endYear: Number(y2),
      }),
    );
  }
  for (const m of text.matchAll(ISO)) {
    const [whole, y1, m1, d1, y2, m2, d2] = m;
    found.push(
      mention(whole, m.index, {
        startDay: Number(d1),
        startMonth: Number(m1),
        startYear: Number(y1),
        endDay: Number(d2 ?? d1),
        endMonth: Number(m2 ?? m1),
        endYear: Number(y2 ?? y1),
      }),
    );
  }
  found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const kept: DateMention[] = [];
  for (const date of found) {
    const last = kept[kept.length - 1];
    if (last && date.index < last.index + last.text.length) continue;
    kept.push(date);
  }
  return kept;
}

// A line that is only one date, as programmes head each day: "Tuesday, 15 April 2025",
// "Wednesday 16 April", "15 April 2025 (Tuesday)", "April 16".
const DATE_LINE_DAY_FIRST = new RegExp(
  `^${WEEKDAY}(?:the\\s+)?(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH}(?:,?\\s+${YEAR})?(?:\\s*\\([^)]{0,40}\\))?:?$`,
  'iu',
);
const DATE_LINE_MONTH_FIRST = new RegExp(
  `^${WEEKDAY}${MONTH}\\s+(\\d{1,2})${ORDINAL}(?:,?\\s+${YEAR})?(?:\\s*\\([^)]{0,40}\\))?:?$`,
  'iu',
);

/**
 * The ISO date of a line that is nothing but a single date; `year` is used when the line has
 * none (programmes often write "Tuesday, 15 April").
 */
export function parseDateLine(line: string, year: number | undefined): string | undefined {
  let day: string | undefined;
  let month: string | undefined;
  let written: string | undefined;
  const dayFirst = DATE_LINE_DAY_FIRST.exec(line);
  const monthFirst = dayFirst ? null : DATE_LINE_MONTH_FIRST.exec(line);
  if (dayFirst) [, day, month, written] = dayFirst;
  else if (monthFirst) [, month, day, written] = monthFirst;
  else return undefined;
  const y = written ? Number(written) : year;
  return y === undefined ? undefined : isoDate(y, monthNumber(month!), Number(day));
}
