/**
 * Finding the sessions: walks the lines once, starting a session at each heading, grouping them
 * under "Day N" (or a programme's date lines), and ending a session at the next heading, a
 * section heading ("Expected outcomes"), a programme interlude ("Coffee break") or a markdown
 * heading. Numbered lists ("1. Title") count only when no session heading was found at all,
 * and only under a "Programme"/"Sessions" heading: elsewhere they are ordinary lists.
 */
import { daysBetween, parseDateLine } from './dates.ts';
import { questionsLabel, startsQuestion } from './guidingQuestions.ts';
import { BLANK, bulletOf, type Line } from './lines.ts';
import { parseRoman } from './romanNumerals.ts';
import { parseSessionBody } from './sessionBody.ts';
import { isInterlude, parseDayHeading, parseSessionHeading } from './sessionHeadings.ts';
import { readTitle, type SessionTitle } from './sessionTitles.ts';
import { sectionRole, type SectionRole } from './sections.ts';
import type { ConceptNoteSession } from './types.ts';

const MAX_WARNINGS = 20;

export interface MeetingDays {
  startDate?: string;
  endDate?: string;
}

interface Heading extends SessionTitle {
  label: string;
  kind: string;
  number: number;
  level: number;
}

interface Draft {
  heading: Heading;
  day: number | undefined;
  body: Line[];
}

function keywordHeading(lines: readonly Line[], i: number): Heading | undefined {
  const parsed = parseSessionHeading(lines[i]!.text);
  if (!parsed) return undefined;
  return { ...parsed, level: lines[i]!.level, ...readTitle(lines, i, parsed.title) };
}

const LIST_ITEM = /^(\d{1,2}|[IVX]{1,5})([.)])\s+(\S.*)$/;

function listHeading(lines: readonly Line[], i: number, expected: number): Heading | undefined {
  const match = LIST_ITEM.exec(lines[i]!.text);
  if (!match) return undefined;
  const number = /^\d/.test(match[1]!) ? Number(match[1]) : parseRoman(match[1]!);
  const written = match[3]!;
  // Questions are numbered too; a session title is not a question.
  if (number !== expected || /\?["”’)]?$/.test(written) || startsQuestion(written)) return undefined;
  return {
    label: `${match[1]}${match[2]}`,
    kind: 'item',
    number,
    level: lines[i]!.level,
    ...readTitle(lines, i, written),
  };
}

/** Day numbers from a programme's date lines ("Tuesday, 15 April 2025"). */
class DateDays {
  private readonly seen: string[] = [];

  constructor(private readonly meeting: MeetingDays) {}

  dayOf(text: string): number | undefined {
    if (text.length > 60) return undefined;
    const { startDate, endDate } = this.meeting;
    const iso = parseDateLine(text, startDate ? Number(startDate.slice(0, 4)) : undefined);
    if (!iso) return undefined;
    if (startDate && endDate) {
      // A date outside the meeting (a deadline, the ministerial) is not a day of it.
      if (iso < startDate || iso > endDate) return undefined;
      return daysBetween(startDate, iso) + 1;
    }
    if (!this.seen.includes(iso)) this.seen.push(iso);
    return this.seen.indexOf(iso) + 1;
  }
}

interface Walk {
  drafts: Draft[];
  dayHeadings: boolean;
}

function walk(lines: readonly Line[], mode: 'keyword' | 'list', meeting: MeetingDays): Walk {
  const drafts: Draft[] = [];
  const dates = new DateDays(meeting);
  let current: Draft | null = null;
  let day: number | undefined;
  let dayHeadings = false;
  let region: SectionRole | null = null;
  let pastHeader = false;
  let expected = 1;
  let dayChanged = false;
  // List mode: inside a session's list of questions, numbered lines are questions.
  let questionsOpen = false;
  let blankBefore = false;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    if (text === '') {
      current?.body.push(line);
      blankBefore = true;
      continue;
    }
    const afterBlank = blankBefore;
    blankBefore = false;
    if (questionsOpen && afterBlank && !bulletOf(text)) questionsOpen = false;

    if (current) {
      const label = questionsLabel(text) !== undefined;
      // "### Guiding questions" under "## Session 1" belongs to the session.
      const inner = line.level > 0 && current.heading.level > 0 && line.level > current.heading.level;
      if (label || inner) {
        current.body.push(label ? { text, level: 0 } : line);
        if (label) questionsOpen = true;
        continue;
      }
    }

    const explicitDay = parseDayHeading(text);
    const dayNumber = explicitDay ?? (pastHeader ? dates.dayOf(text) : undefined);
    if (dayNumber !== undefined) {
      if (explicitDay !== undefined) dayHeadings = true;
      day = dayNumber;
      dayChanged = true;
      current = null;
      continue;
    }

    const role = sectionRole(line);
    if (role) {
      region = role;
      pastHeader = true;
      current = null;
      questionsOpen = false;
      continue;
    }

    let heading: Heading | undefined;
    if (mode === 'keyword') heading = keywordHeading(lines, i);
    else if (region === 'sessions' && !(questionsOpen && !afterBlank)) {
      heading = listHeading(lines, i, expected) ?? (dayChanged ? listHeading(lines, i, 1) : undefined);
    }
    if (heading) {
      current = { heading, day, body: [...heading.carried] };
      drafts.push(current);
      i = heading.next - 1;
      pastHeader = true;
      expected = heading.number + 1;
      dayChanged = false;
      questionsOpen = false;
      continue;
    }

    if (line.level > 0 || isInterlude(text)) {
      current = null;
      continue;
    }
    current?.body.push(line);
  }
  return { drafts, dayHeadings };
}

function sameTitle(a: string, b: string): boolean {
  const key = (s: string): string =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\d]+/gu, ' ')
      .trim();
  return key(a) === key(b);
}

interface Merged {
  kind: string;
  session: ConceptNoteSession;
  bodies: Line[][];
}

/**
 * Concept notes often list the sessions twice (an overview or annexed programme, then the
 * detailed descriptions): entries with the same kind, number and day are one session.
 */
function merge(drafts: readonly Draft[], warnings: string[]): Merged[] {
  const merged: Merged[] = [];
  for (const draft of drafts) {
    const { heading } = draft;
    const existing = merged.find(
      (m) =>
        m.kind === heading.kind &&
        m.session.number === heading.number &&
        (m.session.day === draft.day || m.session.day === undefined || draft.day === undefined),
    );
    if (!existing) {
      const session: ConceptNoteSession = {
        number: heading.number,
        ...(draft.day !== undefined ? { day: draft.day } : {}),
        label: heading.label,
        title: heading.title,
        description: '',
        guidingQuestions: [],
      };
      merged.push({ kind: heading.kind, session, bodies: [draft.body] });
      continue;
    }
    existing.bodies.push(draft.body);
    existing.session.day ??= draft.day;
    if (existing.session.title === '') existing.session.title = heading.title;
    else if (heading.title !== '' && !sameTitle(existing.session.title, heading.title)) {
      warnings.push(
        `"${heading.label}" appears twice with different titles, "${existing.session.title}" and "${heading.title}": kept the first`,
      );
    }
  }
  return merged;
}

function numberingWarnings(sessions: readonly Merged[], warnings: string[]): void {
  const lastOfKind = new Map<string, ConceptNoteSession>();
  for (const { kind, session } of sessions) {
    const last = lastOfKind.get(kind);
    const restartsOnNewDay = session.number === 1 && last !== undefined && last.day !== session.day;
    if (last && session.number !== last.number + 1 && !restartsOnNewDay) {
      warnings.push(`"${last.label}" is followed by "${session.label}": check that no session is missing`);
    } else if (!last && session.number !== 1) {
      warnings.push(`the first "${kind}" found is "${session.label}": check that no session is missing`);
    }
    lastOfKind.set(kind, session);
  }
}

/** The sessions of a concept note's lines, and warnings about what looks wrong in them. */
export function findSessions(
  lines: readonly Line[],
  meeting: MeetingDays,
): { sessions: ConceptNoteSession[]; warnings: string[] } {
  let result = walk(lines, 'keyword', meeting);
  if (result.drafts.length === 0) result = walk(lines, 'list', meeting);
  const warnings: string[] = [];
  const merged = merge(result.drafts, warnings);

  for (const entry of merged) {
    const bodies = entry.bodies.map((body) => parseSessionBody([...body, BLANK]));
    entry.session.description = bodies
      .map((body) => body.description)
      .filter((d) => d !== '')
      .join('\n\n');
    for (const body of bodies) {
      for (const question of body.guidingQuestions) {
        if (!entry.session.guidingQuestions.includes(question)) entry.session.guidingQuestions.push(question);
      }
    }
    if (entry.session.title === '') warnings.push(`"${entry.session.label}" has no title`);
  }

  // Days read from dates alone mean nothing when every session is on the same day.
  const days = new Set(merged.map((m) => m.session.day).filter((d) => d !== undefined));
  if (!result.dayHeadings && days.size < 2) {
    for (const entry of merged) delete entry.session.day;
  }
  numberingWarnings(merged, warnings);
  // A text that is not a concept note can produce thousands; a person reads the first few.
  if (warnings.length > MAX_WARNINGS) {
    warnings.splice(
      MAX_WARNINGS,
      Infinity,
      `... and ${warnings.length - MAX_WARNINGS} more warnings about sessions`,
    );
  }
  return { sessions: merged.map((m) => m.session), warnings };
}
