/**
 * Who hosts the meeting: "co-hosted by X and Y", "co-chaired by X, Y and Z", "hosted by the
 * Government of X", "Co-hosts: X, Y", "X and Y will co-host ...". States come out by their short
 * name (memberStates.ts); other hosts (organizations, States we do not know) as written, without
 * a leading "the".
 */
import { findDateMentions } from './dates.ts';
import { STATE_NAMES_WITH_AND, foldForMatching, stateName } from './memberStates.ts';

// "Co-hosts: Ghana and Uruguay", "Host: ...", "Co-chairs:", "Co-organizers:".
const LABEL =
  /^(?:co-?hosts?|hosts?|host countries|co-?chairs?|co-?organi[sz]ers?|organi[sz]ers?|co-?conveners?|conveners?|(?:co-?)?(?:hosted|chaired|organi[sz]ed|convened) by)\s*[:：]\s*(.*)$/i;
// Ordered by how surely they name the co-hosts; the first kind found wins.
const PHRASES: readonly RegExp[] = [
  /\b(?:co-?hosted|jointly hosted|co-?organi[sz]ed|jointly organi[sz]ed|co-?convened|jointly convened)\s+by\s+/gi,
  /\bco-?chaired\s+by\s+/gi,
  /\b(?:hosted|organi[sz]ed|convened)\s+by\s+/gi,
];
// "Ghana and Uruguay will co-host", "The Governments of X and Y are co-hosting", "X and Y co-hosted".
const CO_HOST_VERB =
  /\s+(?:will\s+|are\s+|is\s+)?(?:co-?host(?:s|ed|ing)?|jointly host(?:s|ed|ing)?)\b(?!\s+by\b)/gi;

// Where the list of names ends: a sentence break, a clause ("in Accra", "on 3 March", ", which",
// "and supported by"), a spaced dash, a line break (unless the next line goes on with "and"),
// a number (dates, years).
const LIST_END =
  /[.;!?](?:\s|$)|\s+(?:in|on|at|from|to|with|will|would|shall|who|which|that|under|during|is|are|was|were|has|have|for the)\s|,(?!\s*(?:and\s|&|the\s|\p{Lu}))|\s+(?:and|&)\s+(?!\s|the\s|\p{Lu})|\s[-\u2013\u2014]\s|\n(?!\s*(?:and|&)\s)|,?\s*\d/u;

/**
 * The items of a list of names, protecting names that contain "and" ("Trinidad and Tobago").
 * `prose`: the list comes from a sentence or title line, not from a "Co-hosts:" label.
 */
function splitList(list: string, prose: boolean): string[] {
  const folded = foldForMatching(list);
  const protectedRanges: [number, number][] = [];
  for (const name of STATE_NAMES_WITH_AND) {
    let from = 0;
    for (let at = folded.indexOf(name, from); at >= 0; at = folded.indexOf(name, from)) {
      from = at + name.length;
      const before = at === 0 ? ' ' : folded[at - 1]!;
      const after = folded[at + name.length] ?? ' ';
      if (/[\p{L}\d]/u.test(before) || /[\p{L}\d]/u.test(after)) continue;
      if (protectedRanges.some(([s, e]) => at < e && from > s)) continue;
      protectedRanges.push([at, from]);
    }
  }
  const items: string[] = [];
  let start = 0;
  let lastAnd = -1;
  const separator = /\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+/g;
  for (const m of list.matchAll(separator)) {
    if (protectedRanges.some(([s, e]) => m.index >= s && m.index < e)) continue;
    items.push(list.slice(start, m.index));
    start = m.index + m[0].length;
    if (/\band\b|&/.test(m[0])) lastAnd = items.length;
  }
  items.push(list.slice(start));
  // In prose a list ends with "and": "co-hosted by Ghana and Uruguay, Accra, 3 March" names two
  // hosts and a city; "hosted by the Government of Ghana, Accra" one host.
  if (prose) return items.slice(0, lastAnd >= 0 ? lastAnd + 1 : 1);
  return items;
}

/** One co-host as a chair's summary names it, or undefined when `item` is not a name. */
export function cleanHostName(item: string): string | undefined {
  let name = item
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:and|by|&)\s+/i, '')
    .replace(/^the\s+/i, '')
    .replace(
      /^(?:governments?|permanent missions?|delegations?|ministry of foreign affairs)\s+of\s+(?:the\s+)?/i,
      '',
    )
    .replace(/\s+to the United Nations(?:\s+(?:in|at)\s+\p{Lu}[\p{L} ]*)?$/iu, '')
    .replace(/[\s,;:.\-\u2013\u2014]+$/, '')
    .trim();
  const state = stateName(name);
  if (state) return state;
  // "the Republic of Korea (RoK)", "the Kingdom of the Netherlands (the Netherlands)": the
  // parenthesis repeats the name; "Iran (Islamic Republic of)" was recognised whole above.
  const bare = name.replace(/\s*\([^()]{1,40}\)$/, '').trim();
  if (bare !== name) {
    name = bare;
    const bareState = stateName(name);
    if (bareState) return bareState;
  }
  name = name.replace(/^["“‘']|["”’']$/g, '').trim();
  // Names start with a capital ("Ghana", "African Union"); "other partners" is not one.
  if (name === '' || name.length > 100 || !/^[\p{Lu}\d]/u.test(name)) return undefined;
  return name;
}

function namesIn(list: string, prose: boolean): string[] {
  const names: string[] = [];
  for (const item of splitList(list, prose)) {
    const name = cleanHostName(item);
    if (name && !names.includes(name)) names.push(name);
  }
  // More than six "co-hosts" is a sentence read as a list, not a title block.
  return names.length <= 6 ? names : [];
}

/** The names after a phrase like "co-hosted by", up to where the list ends. */
function listAfter(text: string, from: number): string {
  // A list wrapped in the title block: "Co-hosted by\nGhana and Uruguay", "Ghana and\nUruguay".
  const rest = text
    .slice(from, from + 400)
    .replace(/^\s*\n\s*/, '')
    .replace(/(,|\band|&)[ ]*\n\s*/g, '$1 ');
  const date = findDateMentions(rest)[0];
  let end = date ? date.index : rest.length;
  const stop = LIST_END.exec(rest);
  if (stop && stop.index < end) end = stop.index;
  return rest.slice(0, end);
}

function fromLabels(lines: readonly string[]): string[] {
  for (let i = 0; i < lines.length; i++) {
    const match = LABEL.exec(lines[i]!);
    if (!match) continue;
    let value = match[1]!.trim();
    // "Co-hosts:" followed by one name per line (or bullet).
    if (value === '') {
      const following: string[] = [];
      for (let j = i + 1; j < lines.length && lines[j] !== '' && following.length < 6; j++) {
        following.push(lines[j]!.replace(/^[-*•–]\s+/, ''));
      }
      value = following.join(', ');
    }
    // "Co-hosts: Chile and Mongolia. Dates: 3 June 2026" on one line.
    const names = namesIn(listAfter(value, 0), false);
    if (names.length > 0) return names;
  }
  return [];
}

function fromPhrases(text: string): string[] {
  for (const phrase of PHRASES) {
    for (const match of text.matchAll(phrase)) {
      const names = namesIn(listAfter(text, match.index + match[0].length), true);
      if (names.length > 0) return names;
    }
  }
  return [];
}

function fromSubject(text: string): string[] {
  // Found from the verb backwards to the start of its clause: a pattern that scanned forward
  // from every position for the verb would be quadratic on long text.
  for (const match of text.matchAll(CO_HOST_VERB)) {
    const before = text.slice(Math.max(0, match.index - 200), match.index);
    const clauseStart = Math.max(
      before.lastIndexOf('.'),
      before.lastIndexOf(';'),
      before.lastIndexOf(':'),
      before.lastIndexOf('\n'),
    );
    // "On 3 March, Ghana and Uruguay will co-host": the opening phrase is not a host.
    const clause = before
      .slice(clauseStart + 1)
      .trim()
      .replace(/^(?:on|in|at|from|during|since|following|after|before|as)\b[^,]*,\s*/i, '')
      .replace(/^(?:the\s+)?(?:governments?|delegations?)\s+of\s+/i, '');
    const names = namesIn(clause, true);
    // A clause before "co-host" is less surely a list of hosts than a title block: at least one
    // of its names must be a State.
    if (names.some((name) => stateName(name) !== undefined)) return names;
  }
  return [];
}

/**
 * The co-hosts, looked for first in the title block (`header`), then in the whole text:
 * labels, then "co-hosted by"-style phrases, then "X and Y will co-host".
 */
export function findCoHosts(header: string, text: string): string[] {
  const headerLines = header.split('\n').map((l) => l.trim());
  const allLines = text.split('\n').map((l) => l.trim());
  const attempts = [
    () => fromLabels(headerLines),
    () => fromPhrases(header),
    () => fromSubject(header),
    () => fromLabels(allLines),
    () => fromPhrases(text),
    () => fromSubject(text),
  ];
  for (const attempt of attempts) {
    const names = attempt();
    if (names.length > 0) return names;
  }
  return [];
}
