/**
 * Where and how the meeting is held: a city (or "virtual") and in-person / virtual / hybrid.
 * The venue is read only where the text is about this meeting (a "Venue:" label, the title
 * block next to the meeting's dates, a "will take place in ..." sentence without another date),
 * because concept notes also name the ministerial's city ("to be held in Berlin on 13-14 May").
 */
import { findDateMentions } from './dates.ts';
import { stateName } from './memberStates.ts';
import type { MeetingFormat } from './types.ts';

export const VIRTUAL = 'virtual';

// At the start of a line, or after another label on the same line ("Dates: 3 June. Venue: Santiago").
const VENUE_LABEL =
  /(?:^|[.;|]\s+)(?:venue|location|place|venue and dates?|dates? and venue|where)\s*[:：]\s*([^;|]+)/i;
const VIRTUAL_PHRASE =
  /\b(?:held virtually|take place virtually|taking place virtually|convened virtually|meet virtually|virtual (?:meeting|conference|format|event|seminar|workshop|dialogue|platform|mode|setting)|virtual (?:[\p{L}-]+ ){1,3}(?:meeting|conference|dialogue|seminar|workshop|event|consultation)|fully virtual|entirely (?:virtual|online)|online (?:meeting|event|format|platform)|via (?:zoom|webex|microsoft teams|ms teams|teams|interprefy|kudo))\b|\((?:virtual|online)\)/iu;
const HYBRID_PHRASE =
  /\b(?:hybrid (?:format|meeting|mode|event|setting|modality|conference|seminar)|in a hybrid\b)|\(hybrid\)/i;
const IN_PERSON_PHRASE = /\bin[- ]person\b|\bphysical (?:meeting|format|presence)\b/i;
const VIRTUAL_WORD =
  /^(?:virtual(?:ly)?|online|remote|virtual meeting|online meeting|zoom|webex|microsoft teams)\b/i;

/** In-person, virtual or hybrid, as far as the text says. */
export function findFormat(text: string): MeetingFormat | null {
  const hybrid = HYBRID_PHRASE.test(text);
  const virtual = VIRTUAL_PHRASE.test(text);
  const inPerson = IN_PERSON_PHRASE.test(text);
  // In person with some joining online is hybrid, however the concept note names it.
  const remoteToo =
    /\b(?:virtual|online|remote) participation\b|\b(?:join|joining|participate|participating) (?:virtually|online|remotely)\b/i;
  if (hybrid || (inPerson && remoteToo.test(text))) return 'hybrid';
  if (inPerson) return 'in-person';
  if (virtual) return 'virtual';
  return null;
}

// Small words inside place names: "Dar es Salaam", "Palais des Nations", "Rio de Janeiro".
const PARTICLE = /^(?:de|des|du|da|do|di|del|della|es|el|la|le|al|of|the|and|sur|am)$/;
// Capitalised words after "in" that are not places.
const NOT_PLACES =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|person|order|line|addition|particular|view|accordance|support|light|response|preparation|cooperation|partnership|collaboration|consultation|united nations|un)$/i;

/**
 * The place name that starts `text` ("Islamabad, Pakistan on 15 April" → "Islamabad, Pakistan"):
 * capitalised words, with particles between them, and one ", Country" part.
 */
export function placeAt(text: string): string | undefined {
  const parts: string[] = [];
  // "in the Palais des Nations": the article is not part of the name.
  const words = text.replace(/^the\s+/, '').split(' ');
  let part: string[] = [];
  for (const raw of words) {
    const word = raw.replace(/[.;:)]+$/, '');
    const trailingComma = word.endsWith(',');
    const bare = word.replace(/,$/, '');
    const capital = /^(?:\p{Lu}|d['’]\p{Lu})/u.test(bare) && /^[\p{L}'’.-]+$/u.test(bare);
    if (capital) part.push(bare);
    else if (PARTICLE.test(bare) && part.length > 0 && !trailingComma) part.push(bare);
    else break;
    if (trailingComma || word !== raw) {
      parts.push(part.join(' '));
      part = [];
      if (!trailingComma || parts.length === 2) break;
    }
  }
  if (part.length > 0) parts.push(part.join(' '));
  // Drop particles left at the end ("Accra and" in "Accra and online").
  const cleaned = parts
    .map((p) => {
      const words = p.split(' ');
      while (words.length > 0 && PARTICLE.test(words[words.length - 1]!)) words.pop();
      return words.join(' ');
    })
    .filter((p) => p !== '');
  if (cleaned.length === 0 || NOT_PLACES.test(cleaned[0]!)) return undefined;
  return cleaned.join(', ');
}

// Words that make a part of a venue a building, not a city: "Serena Hotel, Islamabad".
const BUILDING =
  /\b(?:hotel|centre|center|hall|palais|palace|building|headquarters|house|campus|university|institute|academy|ministry|room|auditorium|complex|residence|embassy)\b/i;

/**
 * The city of a venue: "Islamabad, Pakistan" → "Islamabad", "Palais des Nations, Geneva" →
 * "Geneva"; a chair's summary's title block names the city (see the schema's MeetingDetails).
 */
export function cityOf(place: string): string {
  const parts = place.split(/\s*,\s*/).filter((part) => part !== '');
  if (parts.length > 1 && stateName(parts[parts.length - 1]!) !== undefined) parts.pop();
  while (parts.length > 1 && BUILDING.test(parts[0]!)) parts.shift();
  return parts.join(', ');
}

function cleanVenue(value: string): string | null {
  let venue = value.trim();
  for (const date of findDateMentions(venue).reverse()) {
    venue = venue.slice(0, date.index) + venue.slice(date.index + date.text.length);
  }
  venue = venue
    .replace(/\s*\((?:tbc|tbd|to be confirmed)\)/i, '')
    .replace(/^[\s,;:|\-\u2013\u2014]+|[\s,;:.|\-\u2013\u2014]+$/g, '')
    .replace(/\s{2,}/g, ' ');
  if (venue === '' || /^(?:tbc|tbd|to be (?:confirmed|determined|announced))$/i.test(venue)) return null;
  if (VIRTUAL_WORD.test(venue)) return VIRTUAL;
  return cityOf(venue);
}

const MEETING_NOUN =
  /\b(?:meeting|conference|seminar|workshop|dialogue|forum|symposium|summit|ministerial|retreat)\b/i;
const IN_PLACE = /\bin\s+(?:the\s+city\s+of\s+)?(?=(?:the\s+)?\p{Lu})/gu;
const HELD_IN =
  /\b(?:take[sn]? place|taking place|(?:be|is|being) held|convened?|meet|hosted)\b[^.;\n]{0,40}?\bin\s+(?:the\s+city\s+of\s+)?(?=\p{Lu})/gu;

/**
 * The place written right before or after the meeting's dates on a title-block line:
 * "15-16 April 2025 in Islamabad, Pakistan", "in Accra on 3-4 March 2027", "Accra, 3-4 March 2027",
 * "3-4 March 2027 | Accra".
 */
function nextToDate(header: string, dates: string | null): string | undefined {
  if (!dates) return undefined;
  for (const line of header.split('\n')) {
    const at = line.indexOf(dates);
    if (at < 0) continue;
    const after = /^(?:\s*(?:,|\||[-\u2013\u2014])\s*|\s*,?\s*(?:in|at)\s+(?:the\s+)?)(.*)$/.exec(
      line.slice(at + dates.length),
    );
    const following = after ? placeAt(after[1]!) : undefined;
    if (following) return following;

    const before = line
      .slice(0, at)
      .replace(/\s+(?:on|from)\s*$/, '')
      .replace(/[\s,|\-\u2013\u2014]+$/, '');
    // Only a place that fills what is before the date ("in Accra", the whole line, or the last
    // of its comma-separated parts), so a title's words are never read as one.
    const inPlace = /^.*\bin\s+(\S.*)$/.exec(before)?.[1];
    const lastPart = /,\s*([^,]+)$/.exec(before)?.[1];
    for (const candidate of [inPlace, before, lastPart]) {
      if (candidate && !MEETING_NOUN.test(candidate) && placeAt(candidate) === candidate) return candidate;
    }
  }
  return undefined;
}

/** The venue: a city, "virtual", or null when the text does not say. */
export function findVenue(input: {
  lines: readonly string[];
  header: string;
  text: string;
  dates: string | null;
  format: MeetingFormat | null;
}): string | null {
  const { lines, header, text, dates, format } = input;
  for (const line of lines) {
    const label = VENUE_LABEL.exec(line);
    if (label) {
      const venue = cleanVenue(label[1]!.replace(/\.\s+\p{Lu}.*$/u, ''));
      if (venue) return venue;
    }
  }
  if (format === 'virtual') return VIRTUAL;

  const besideDate = nextToDate(header, dates);
  if (besideDate) return cleanVenue(besideDate);

  // "The meeting will take place in Accra", in a sentence that names no other date.
  for (const sentence of text.split(/(?<=[.!?])\s+|\n/)) {
    if (!sentence.includes(' in ')) continue;
    const sentenceDates = findDateMentions(sentence);
    if (sentenceDates.some((date) => date.text !== dates)) continue;
    for (const match of sentence.matchAll(HELD_IN)) {
      const place = placeAt(sentence.slice(match.index + match[0].length));
      if (place) return cleanVenue(place);
    }
  }
  // Last resort: "in <Place>" on the title-block line that carries the meeting's dates.
  for (const line of header.split('\n')) {
    if (!dates || !line.includes(dates)) continue;
    for (const match of line.matchAll(IN_PLACE)) {
      const place = placeAt(line.slice(match.index + match[0].length));
      if (place) return cleanVenue(place);
    }
  }
  return null;
}
