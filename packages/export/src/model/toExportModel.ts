import type { RecommendationEntry } from '@plenary/schema';
import type { Vocabulary } from '@plenary/vocabulary';
import { contentHash, contentVersionId } from '../hash.ts';
import { HeadingCounter } from '@plenary/schema';
import { recommendationAnnex, type AnnexKind } from './annexes.ts';
import { BODY, PLAIN, blocks, headingRanks, type BodyContext } from './body.ts';
import { exportMeta } from './frontMatter.ts';
import { runsText } from './inline.ts';
import type { ExportContent, PmNode } from './source.ts';
import { MODEL_VERSION, type AnnexModel, type Block, type ExportModel } from './types.ts';

export interface ExportOptions {
  /** Print each recommendation's number and tags under it. */
  tags: 'show' | 'hide';
  /** Recommendation annexes to add, in this order. */
  annexes: readonly AnnexKind[];
  /**
   * A final export has no DRAFT watermark and prints its identity (version id and content hash) on
   * its last page. Until finalization exists (issue #5) every export is a draft.
   */
  final: boolean;
  /** The final version's id; by default one derived from the content hash. */
  versionId?: string;
  /** Date of issue printed in the header (default: now). */
  issuedOn?: Date;
  /** Title when the meeting has none: the document's name in Plenary. */
  fallbackTitle?: string;
}

const ROMAN_ANNEX = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

function annexLabels(count: number): string[] {
  if (count === 1) return ['Annex'];
  return Array.from({ length: count }, (_, i) => `Annex ${ROMAN_ANNEX[i] ?? i + 1}`);
}

/**
 * The export model of a document: the pure step before any renderer (see model/types.ts). Front
 * matter (the title block and anything before it) is unnumbered; annex sections move to the end,
 * after the body, with unnumbered paragraphs and headings, as UN annexes are set.
 */
export function toExportModel(
  content: ExportContent,
  recommendations: readonly RecommendationEntry[],
  vocabulary: Vocabulary,
  options: ExportOptions,
): ExportModel {
  const top = content.doc.content ?? [];
  const titleAt = top.findIndex((n) => n.type === 'titleBlock');
  const front = top.slice(0, titleAt + 1);
  const rest = top.slice(titleAt + 1);
  const annexSections = rest.filter((n) => n.type === 'section' && n.attrs?.kind === 'annex');
  const bodyNodes = rest.filter((n) => !annexSections.includes(n));

  const ctx: BodyContext = {
    meeting: content.meeting,
    numberParagraphs: content.settings.paragraphNumbering === 'consecutive',
    numberHeadings: content.settings.headingNumbering === 'un',
    showTags: options.tags === 'show',
    vocabulary,
    sessions: new Map(content.sessions.map((session, i) => [session.id, { session, number: i + 1 }])),
    recommendations: new Map(recommendations.map((r) => [r.id, r])),
    headingRanks: headingRanks(bodyNodes),
    headings: new HeadingCounter(),
    paragraphs: 0,
    locations: new Map(),
    marked: new Set(),
  };

  const sectionChildren = (node: PmNode) => (node.type === 'section' ? (node.content ?? []) : [node]);
  const body: Block[] = [
    ...blocks(front, ctx, PLAIN, 0),
    // Sections are containers only: their blocks run on as one body, numbered straight through.
    ...blocks(bodyNodes.flatMap(sectionChildren), ctx, BODY, 0),
  ];

  const annexes: Array<Omit<AnnexModel, 'label'>> = annexSections.map((section) => {
    const inner = blocks(section.content ?? [], ctx, { ...PLAIN, inAnnex: true }, 0);
    // The annex's own first heading is its title ("Programme"), printed under "Annex I".
    const first = inner[0];
    if (first?.type === 'heading') return { title: runsText(first.runs), blocks: inner.slice(1) };
    return { title: '', blocks: inner };
  });
  for (const kind of options.annexes)
    annexes.push(recommendationAnnex(kind, recommendations, vocabulary, ctx.locations));
  const labels = annexLabels(annexes.length);

  const sha256 = contentHash(content, recommendations);
  const identity = { versionId: options.versionId ?? contentVersionId(sha256), sha256 };
  const titleNode = top[titleAt];
  const heading = titleNode ? String(titleNode.attrs?.heading ?? '') : '';
  return {
    modelVersion: MODEL_VERSION,
    meta: exportMeta({
      heading,
      meeting: content.meeting,
      fallbackTitle: options.fallbackTitle ?? '',
      issuedOn: options.issuedOn ?? new Date(),
      // The identity goes into the metadata of final copies only, like the printed line.
      keywords: options.final ? [`version:${identity.versionId}`, `sha256:${sha256}`] : [],
    }),
    draft: !options.final,
    identity,
    numbering: { paragraphs: ctx.numberParagraphs, headings: ctx.numberHeadings },
    body,
    annexes: annexes.map((a, i) => ({ label: labels[i]!, ...a })),
  };
}
