/**
 * The headings of a concept note other than sessions: which ones open the part that lists the
 * sessions ("Programme", "Themes/Sessions") and which ones end a session's description
 * ("Expected outcomes", "Logistics"). Without this, the last session would swallow the rest
 * of the document.
 */
import type { Line } from './lines.ts';

export type SectionRole = 'sessions' | 'other';

const SESSIONS_NAMES = new Set(
  (
    'programme|program|agenda|sessions|the sessions|themes|panels|structure|outline|' +
    'thematic sessions|panel discussions|thematic panels|breakout sessions|break-out sessions|' +
    'session descriptions|session outline|sessions outline|topics|themes for discussion|' +
    'discussion themes|thematic focus|organization of work|organisation of work|' +
    'programme of work|meeting structure|substantive sessions|working sessions|thematic areas'
  ).split('|'),
);

const OTHER_NAMES = new Set(
  (
    'background|introduction|context|rationale|justification|overview|summary|concept|' +
    'objective|objectives|purpose|aim|aims|goal|goals|scope|expected outcome|expected outcomes|' +
    'outcome|outcomes|expected results|results|deliverables|format|meeting format|modalities|' +
    'methodology|participation|participants|attendance|target audience|invitees|logistics|' +
    'logistical information|practical information|practical arrangements|' +
    'administrative arrangements|administrative information|registration|contact|contacts|' +
    'contact information|contact details|contact persons|venue|date|dates|date and venue|' +
    'dates and venue|venue and date|venue and dates|accommodation|visa|visas|travel|transport|' +
    'interpretation|language|languages|documentation|media|press|follow-up|follow up|' +
    "next steps|timeline|budget|funding|security|health|dress code|chair's summary|" +
    "co-chairs' summary|reporting|references"
  ).split('|'),
);

// Words a heading may carry around its name: "Draft programme", "Proposed sessions",
// "Format of the meeting", "Programme of the conference".
const QUALIFIER =
  /^(?:draft|provisional|tentative|proposed|indicative|detailed|annotated|preliminary|revised)\s+/;
const OF_THE_MEETING =
  /\s+(?:of|for)\s+the\s+(?:meeting|conference|event|seminar|workshop|preparatory meeting|dialogue|discussions?)$/;
// "1.", "2.3", "IV.", "B.", "(a)" before a heading's name.
const NUMBERING = /^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.|[A-H]\.|\([a-z\d]{1,3}\))\s+/;

function nameRole(name: string): SectionRole | null {
  const n = name.replace(QUALIFIER, '').replace(OF_THE_MEETING, '').trim();
  if (SESSIONS_NAMES.has(n)) return 'sessions';
  if (OTHER_NAMES.has(n)) return 'other';
  return null;
}

/**
 * The role of a line that is a known section heading, or null. A heading is the whole line:
 * "Background", "3. Programme:", "THEMES/SESSIONS", "Background and objectives". Annexes are
 * 'other' (an annexed programme repeats the sessions; repeats are merged in sessions.ts).
 */
export function sectionRole(line: Line): SectionRole | null {
  const text = line.text;
  if (text.length > 70 || /[.?!]$/.test(text)) return null;
  const name = text
    .replace(NUMBERING, '')
    .replace(/[:：]$/, '')
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  if (/^annex(?:es)?\b/.test(name)) return 'other';
  const whole = nameRole(name);
  if (whole) return whole;
  // "Themes/Sessions", "Background and objectives", "Format and programme".
  const parts = name.split(/\s*(?:\/|&|,|\band\b)\s*/).filter((part) => part !== '');
  if (parts.length < 2) return null;
  const roles = parts.map(nameRole);
  if (roles.some((role) => role === null)) return null;
  return roles.includes('sessions') ? 'sessions' : 'other';
}
