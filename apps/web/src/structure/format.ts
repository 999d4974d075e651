import type { Speaker } from '@plenary/schema';

/** "Ghana", "Ghana and Japan", "Ghana, Japan and Norway": as a UN document lists co-hosts. */
export function joinNames(names: readonly string[]): string {
  const list = names.map((name) => name.trim()).filter(Boolean);
  if (list.length <= 1) return list[0] ?? '';
  return `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}`;
}

/** "Session 2 – Medical support", numbered from the session's position in the programme. */
export function sessionLabel(number: number, title: string): string {
  const trimmed = title.trim();
  return trimmed ? `Session ${number} – ${trimmed}` : `Session ${number}`;
}

/** "Dr. Amina Diallo, World Health Organization", or whichever half is known. */
export function speakerLine(speaker: Speaker): string {
  return [speaker.name.trim(), speaker.affiliation.trim()].filter(Boolean).join(', ');
}

/** The meeting details keep "virtual" as the venue of a meeting held online. */
export const VIRTUAL_VENUE = 'virtual';

export function isVirtualVenue(venue: string): boolean {
  return /^\s*(virtual|online)\s*$/i.test(venue);
}
