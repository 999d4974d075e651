import type { MeetingDetails, RecommendationEntry, Session } from '@plenary/schema';
import type { Vocabulary } from '@plenary/vocabulary';
import {
  BULLETS,
  HeadingCounter,
  PLAIN_LIST_PATTERNS,
  SUBPARAGRAPH_PATTERNS,
  formatNumber,
  patternAt,
} from '@plenary/schema';
import { sessionInfo, sessionTitle, titleBlock } from './frontMatter.ts';
import { isBlank, runsText, toRuns } from './inline.ts';
import { tagLabels, tagLine } from './labels.ts';
import type { PmNode } from './source.ts';
import type { Block, ListItemModel, ListModel, ParagraphModel, RecommendationMark } from './types.ts';

/** State shared by the whole walk of one document. */
export interface BodyContext {
  meeting: MeetingDetails;
  numberParagraphs: boolean;
  numberHeadings: boolean;
  showTags: boolean;
  vocabulary: Vocabulary;
  sessions: Map<string, { session: Session; number: number }>;
  recommendations: Map<string, RecommendationEntry>;
  /** Heading level (1-4) to depth (0 = I.), from the levels the body uses. */
  headingRanks: Map<number, number>;
  headings: HeadingCounter;
  paragraphs: number;
  /** Where each recommendation stands, for the annexes: "12", "12 (b)", or null. */
  locations: Map<string, string | null>;
  marked: Set<string>;
}

/** Where a sequence of blocks stands, which decides how its paragraphs and lists are numbered. */
export interface Place {
  /** Paragraphs here take the next paragraph number. */
  numbered: boolean;
  /** UN practice: lists are subparagraphs (a) / (i) rather than ordinary lists. */
  unLists: boolean;
  /** The numbered paragraph (and subparagraph) the blocks belong to, e.g. "12 (b)". */
  paraRef: string | null;
  /** Annexes keep their own headings unnumbered. */
  inAnnex: boolean;
}

export const BODY: Place = { numbered: true, unLists: true, paraRef: null, inAnnex: false };
export const PLAIN: Place = { numbered: false, unLists: false, paraRef: null, inAnnex: false };

/** Depth of each heading level the body uses: with h2 and h3 in use, h2 is I. and h3 is A. */
export function headingRanks(top: readonly PmNode[]): Map<number, number> {
  const levels = new Set<number>();
  const visit = (node: PmNode) => {
    if (node.type === 'section' && node.attrs?.kind === 'annex') return;
    if (node.type === 'heading') levels.add(Number(node.attrs?.level) || 1);
    node.content?.forEach(visit);
  };
  top.forEach(visit);
  return new Map([...levels].sort((a, b) => a - b).map((level, rank) => [level, rank]));
}

function recMark(ctx: BodyContext, recId: unknown, location: string | null): RecommendationMark | undefined {
  if (typeof recId !== 'string' || ctx.marked.has(recId)) return undefined;
  const entry = ctx.recommendations.get(recId);
  if (!entry) return undefined;
  // The first occurrence of an id is the recommendation (as listRecommendations counts it).
  ctx.marked.add(recId);
  ctx.locations.set(recId, location);
  if (!ctx.showTags) return { id: recId, number: entry.number };
  const tags = tagLabels(ctx.vocabulary, entry);
  return { id: recId, number: entry.number, tags, tagLine: tagLine(entry.number, tags) };
}

function paragraph(node: PmNode, ctx: BodyContext, place: Place, itemRecId?: unknown): ParagraphModel | null {
  const runs = toRuns(node.content);
  if (isBlank(runs)) return null; // an empty template prompt prints nothing and takes no number
  const number = place.numbered && ctx.numberParagraphs ? ++ctx.paragraphs : null;
  const location = number !== null ? String(number) : place.paraRef;
  const rec = recMark(ctx, itemRecId ?? node.attrs?.recId, location);
  return { type: 'paragraph', label: number !== null ? `${number}.` : null, runs, ...(rec ? { rec } : {}) };
}

function endsWithColon(node: PmNode | undefined): boolean {
  return node?.type === 'paragraph' && runsText(toRuns(node.content)).trim().endsWith(':');
}

function hasText(node: PmNode): boolean {
  if (node.type === 'text') return Boolean(node.text?.trim());
  return (node.content ?? []).some(hasText);
}

/** An ordered or bullet list, as subparagraphs (UN) or an ordinary list. */
function list(node: PmNode, ctx: BodyContext, place: Place, depth: number): ListModel | null {
  const ordered = node.type === 'orderedList';
  const subparagraphs = place.unLists && ctx.numberParagraphs;
  const pattern = ordered
    ? patternAt(subparagraphs ? SUBPARAGRAPH_PATTERNS : PLAIN_LIST_PATTERNS, depth)
    : null;
  const start = ordered ? Math.max(1, Number(node.attrs?.start) || 1) : 1;
  const bullet = ordered ? null : BULLETS[Math.min(depth, BULLETS.length - 1)]!;
  const items: ListItemModel[] = [];
  for (const item of (node.content ?? []).filter(hasText)) {
    const label = pattern ? formatNumber(start + items.length, pattern) : bullet!;
    const ref = place.paraRef && pattern ? `${place.paraRef} ${label}` : place.paraRef;
    const rec = recMark(ctx, item.attrs?.recId, ref);
    const inner: Place = { numbered: false, unLists: place.unLists, paraRef: ref, inAnnex: place.inAnnex };
    items.push({ label, blocks: blocks(item.content ?? [], ctx, inner, depth + 1), ...(rec ? { rec } : {}) });
  }
  if (!items.length) return null;
  return { type: 'list', ordered, pattern, bullet, start, depth, subparagraphs, items };
}

/**
 * A list standing directly in the numbered body (not introduced by a paragraph ending in ":"):
 * under UN practice each item is a numbered paragraph of its own, and its sub-lists are its
 * subparagraphs. This is what a conclusions or recommendations list becomes.
 */
function listAsParagraphs(node: PmNode, ctx: BodyContext, place: Place): Block[] {
  const out: Block[] = [];
  for (const item of node.content ?? []) {
    const [first, ...rest] = item.content ?? [];
    if (!first) continue;
    const lead = first.type === 'paragraph' ? paragraph(first, ctx, place, item.attrs?.recId) : null;
    if (lead) out.push(lead);
    const ref = lead?.label ? lead.label.slice(0, -1) : place.paraRef;
    const inner: Place = { numbered: false, unLists: true, paraRef: ref, inAnnex: place.inAnnex };
    out.push(...blocks(lead ? rest : (item.content ?? []), ctx, inner, 0));
  }
  return out;
}

/** Converts one block; `previous` is its preceding sibling (for lead-in paragraphs). */
function block(
  node: PmNode,
  previous: PmNode | undefined,
  ctx: BodyContext,
  place: Place,
  depth: number,
): Block[] {
  switch (node.type) {
    case 'paragraph': {
      const p = paragraph(node, ctx, place);
      return p ? [p] : [];
    }
    case 'heading': {
      const runs = toRuns(node.content);
      if (isBlank(runs)) return [];
      const rank = ctx.headingRanks.get(Number(node.attrs?.level) || 1) ?? 0;
      const label = ctx.numberHeadings && !place.inAnnex ? ctx.headings.next(rank) : null;
      return [{ type: 'heading', rank, label, runs }];
    }
    case 'sessionHeading': {
      const id = typeof node.attrs?.sessionId === 'string' ? node.attrs.sessionId : '';
      const found = ctx.sessions.get(id);
      // A session heading is a chapter of its own: "III. Session 1 – Safety and security".
      const label = ctx.numberHeadings && !place.inAnnex ? ctx.headings.next(0) : null;
      const info = sessionInfo(found?.session);
      return [
        {
          type: 'heading',
          rank: 0,
          label,
          runs: [{ text: sessionTitle(found?.session, found?.number ?? null) }],
        },
        ...(info ? [info] : []),
      ];
    }
    case 'titleBlock':
      return [titleBlock(String(node.attrs?.heading ?? ''), ctx.meeting)];
    case 'bulletList':
    case 'orderedList': {
      if (place.numbered && ctx.numberParagraphs && !endsWithColon(previous))
        return listAsParagraphs(node, ctx, place);
      const lead =
        endsWithColon(previous) && place.numbered && ctx.numberParagraphs
          ? String(ctx.paragraphs)
          : place.paraRef;
      const l = list(node, ctx, { ...place, paraRef: lead }, place.numbered ? 0 : depth);
      return l ? [l] : [];
    }
    case 'blockquote':
    case 'attributedQuote': {
      const inner = blocks(node.content ?? [], ctx, { ...PLAIN, inAnnex: place.inAnnex }, 0);
      if (!inner.length) return [];
      const attribution =
        typeof node.attrs?.attribution === 'string' && node.attrs.attribution.trim()
          ? node.attrs.attribution.trim()
          : null;
      return [{ type: 'quote', attribution, blocks: inner }];
    }
    case 'speakerContribution': {
      const speaker = String(node.attrs?.speaker ?? '').trim();
      const affiliation = String(node.attrs?.affiliation ?? '').trim();
      const inner = blocks(node.content ?? [], ctx, place, depth);
      if (!inner.length && !speaker) return [];
      return [{ type: 'speaker', speaker, affiliation, blocks: inner }];
    }
    default:
      // A node type this exporter does not know (written by a newer editor): keep its text.
      return node.content ? blocks(node.content, ctx, place, depth) : [];
  }
}

export function blocks(nodes: readonly PmNode[], ctx: BodyContext, place: Place, depth: number): Block[] {
  const out: Block[] = [];
  nodes.forEach((node, i) => out.push(...block(node, nodes[i - 1], ctx, place, depth)));
  return out;
}
