import type { MeetingDetails, Session } from '@plenary/schema';
import type { ExportMeta, SessionInfoModel, TitleBlockModel, TitleLine } from './types.ts';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "12 May 2026": the UN writes dates day, month, year, without a comma. */
export function unDate(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "A", "A and B", "A, B and C" (no serial comma, as in UN documents). */
export function joinNames(names: readonly string[]): string {
  const list = names.map((n) => n.trim()).filter(Boolean);
  if (list.length <= 1) return list[0] ?? '';
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** The title block, from the meeting details (it has no text of its own in the document). */
export function titleBlock(heading: string, meeting: MeetingDetails): TitleBlockModel {
  const lines: TitleLine[] = [];
  const add = (role: TitleLine['role'], text: string) => {
    if (text.trim()) lines.push({ role, text: text.trim() });
  };
  add('meeting', meeting.title);
  add('theme', meeting.theme);
  if (meeting.ministerial.trim()) add('ministerial', `In preparation for the ${meeting.ministerial.trim()}`);
  if (meeting.coHosts.length) add('coHosts', `Co-hosted by ${joinNames(meeting.coHosts)}`);
  add('datesVenue', [meeting.dates.trim(), meeting.venue.trim()].filter(Boolean).join(', '));
  if (meeting.chairs.length) add('chairs', `Chaired by ${joinNames(meeting.chairs)}`);
  add('format', meeting.format);
  add('participants', meeting.participants);
  return { type: 'title', heading: heading.trim() || 'Chair’s Summary', lines };
}

/** "Session 3 – Enhancing medical capacity", numbered by position in the programme. */
export function sessionTitle(session: Session | undefined, number: number | null): string {
  if (!session) return 'Session';
  const label = number ? `Session ${number}` : 'Session';
  return session.title.trim() ? `${label} – ${session.title.trim()}` : label;
}

export function sessionInfo(session: Session | undefined): SessionInfoModel | null {
  if (!session) return null;
  const lines: string[] = [];
  if (session.day !== null) lines.push(`Day ${session.day}`);
  if (session.facilitator.trim()) lines.push(`Facilitator: ${session.facilitator.trim()}`);
  const speakers = session.speakers
    .filter((s) => s.name.trim())
    .map((s) => (s.affiliation.trim() ? `${s.name.trim()} (${s.affiliation.trim()})` : s.name.trim()));
  if (speakers.length) lines.push(`Speakers: ${speakers.join('; ')}`);
  return lines.length ? { type: 'sessionInfo', lines } : null;
}

/** Cuts a title for the running header at a word boundary. */
export function shortTitle(title: string, max = 70): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Title, authors and subject of the exported file, from the meeting and the title block. */
export function exportMeta(args: {
  heading: string;
  meeting: MeetingDetails;
  fallbackTitle: string;
  issuedOn: Date;
  keywords: string[];
}): ExportMeta {
  const { heading, meeting, fallbackTitle, issuedOn } = args;
  const meetingTitle = meeting.title.trim() || fallbackTitle.trim() || 'Untitled summary';
  const title = `${heading.trim() || 'Chair’s Summary'}: ${meetingTitle}`;
  const subjectParts = [
    `${heading.trim() || 'Chair’s Summary'} of the ${meetingTitle}`,
    meeting.theme.trim(),
    meeting.ministerial.trim() ? `in preparation for the ${meeting.ministerial.trim()}` : '',
    [meeting.dates.trim(), meeting.venue.trim()].filter(Boolean).join(', '),
  ].filter(Boolean);
  return {
    title,
    shortTitle: shortTitle(meetingTitle),
    authors: meeting.coHosts.map((c) => c.trim()).filter(Boolean),
    subject: subjectParts.join('; '),
    keywords: args.keywords,
    language: 'en',
    issuedOn: unDate(issuedOn),
    issuedOnIso: issuedOn.toISOString().slice(0, 10),
  };
}
