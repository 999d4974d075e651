import type { Node as PMNode } from '@tiptap/pm/model';
import {
  HeadingCounter,
  PLAIN_LIST_PATTERNS,
  SUBPARAGRAPH_PATTERNS,
  formatNumber,
  patternAt,
  type DocumentSettings,
} from '@plenary/schema';

/**
 * What a label is attached to: a paragraph ("12."), a heading or session heading ("II."), an
 * ordered list item ("(b)"), or a list item that became numbered paragraphs of its own (its
 * first paragraph carries the number; the item only hides its list marker).
 */
export type LabelKind = 'paragraph' | 'heading' | 'session' | 'item' | 'itemAsParagraph';

export interface NodeLabel {
  /** Position of the node in the ProseMirror document. */
  readonly pos: number;
  readonly kind: LabelKind;
  /** As printed ("12.", "II.", "(b)"); empty for `itemAsParagraph`. */
  readonly label: string;
}

/**
 * The UN numbers of a document, by node position: the rules of the PDF export
 * (packages/export/src/model/body.ts and toExportModel.ts), walked over the editor's document.
 *
 * - Front matter (the title block and everything before it) is unnumbered.
 * - Sections are containers: their paragraphs run on as one body, numbered 1, 2, 3 ...
 * - Blank paragraphs (empty template prompts) take no number.
 * - Headings are numbered I. / A. / 1. / (a) by the rank of their level among the levels the
 *   body uses; a session heading is a chapter (rank 0). Annexes keep everything unnumbered.
 * - A list standing in the numbered body makes each item a numbered paragraph; a list after a
 *   paragraph ending in ":" makes its items subparagraphs (a) / (i) of that paragraph.
 * - Quotes are never numbered.
 *
 * A pure function of the document and the settings: every replica computes the same numbers
 * from the same converged document, so concurrent edits cannot produce duplicates or gaps.
 */
export function computeUnNumbers(doc: PMNode, settings: DocumentSettings): NodeLabel[] {
  const top: Array<{ node: PMNode; pos: number }> = [];
  doc.forEach((node, offset) => top.push({ node, pos: offset }));
  const titleAt = top.findIndex((n) => n.node.type.name === 'titleBlock');
  const front = top.slice(0, titleAt + 1);
  const rest = top.slice(titleAt + 1);
  const isAnnex = (n: PMNode) => n.type.name === 'section' && n.attrs.kind === 'annex';
  const bodyNodes = rest.filter((n) => !isAnnex(n.node));

  const walker = new Walker(
    settings.paragraphNumbering === 'consecutive',
    settings.headingNumbering === 'un',
    headingRanks(bodyNodes.map((n) => n.node)),
  );
  walker.blocks(front, PLAIN, 0);
  const sectionChildren = ({ node, pos }: { node: PMNode; pos: number }) =>
    node.type.name === 'section' ? children(node, pos) : [{ node, pos }];
  walker.blocks(bodyNodes.flatMap(sectionChildren), BODY, 0);
  for (const annex of rest.filter((n) => isAnnex(n.node)))
    walker.blocks(children(annex.node, annex.pos), { ...PLAIN, inAnnex: true }, 0);
  return walker.labels.sort((a, b) => a.pos - b.pos);
}

interface Place {
  readonly numbered: boolean;
  readonly unLists: boolean;
  readonly inAnnex: boolean;
}

const BODY: Place = { numbered: true, unLists: true, inAnnex: false };
const PLAIN: Place = { numbered: false, unLists: false, inAnnex: false };

interface At {
  readonly node: PMNode;
  readonly pos: number;
}

function children(node: PMNode, pos: number): At[] {
  const out: At[] = [];
  node.forEach((child, offset) => out.push({ node: child, pos: pos + 1 + offset }));
  return out;
}

/** Depth of each heading level the body uses: with h2 and h3 in use, h2 is I. and h3 is A. */
function headingRanks(top: readonly PMNode[]): Map<number, number> {
  const levels = new Set<number>();
  const visit = (node: PMNode) => {
    if (node.type.name === 'section' && node.attrs.kind === 'annex') return;
    if (node.type.name === 'heading') levels.add(Number(node.attrs.level) || 1);
    node.forEach(visit);
  };
  top.forEach(visit);
  return new Map([...levels].sort((a, b) => a - b).map((level, rank) => [level, rank]));
}

/** As the export reads text: text nodes only, a hard break counting as a space. */
function isBlank(node: PMNode): boolean {
  return node.textContent.trim() === '';
}

function endsWithColon(node: PMNode | undefined): boolean {
  return node?.type.name === 'paragraph' && node.textContent.trim().endsWith(':');
}

class Walker {
  readonly labels: NodeLabel[] = [];
  private readonly headings = new HeadingCounter();
  private paragraphs = 0;

  constructor(
    private readonly numberParagraphs: boolean,
    private readonly numberHeadings: boolean,
    private readonly ranks: Map<number, number>,
  ) {}

  blocks(nodes: readonly At[], place: Place, depth: number): void {
    nodes.forEach((at, i) => this.block(at, nodes[i - 1]?.node, place, depth));
  }

  /** Numbers a paragraph when its place is numbered; false for a blank one (no number). */
  private paragraph({ node, pos }: At, place: Place): boolean {
    if (isBlank(node)) return false;
    if (place.numbered && this.numberParagraphs) {
      this.labels.push({ pos, kind: 'paragraph', label: `${++this.paragraphs}.` });
    }
    return true;
  }

  private block(at: At, previous: PMNode | undefined, place: Place, depth: number): void {
    const { node, pos } = at;
    switch (node.type.name) {
      case 'paragraph':
        this.paragraph(at, place);
        return;
      case 'heading': {
        if (isBlank(node)) return;
        const rank = this.ranks.get(Number(node.attrs.level) || 1) ?? 0;
        if (this.numberHeadings && !place.inAnnex)
          this.labels.push({ pos, kind: 'heading', label: this.headings.next(rank) });
        return;
      }
      case 'sessionHeading':
        if (this.numberHeadings && !place.inAnnex)
          this.labels.push({ pos, kind: 'session', label: this.headings.next(0) });
        return;
      case 'titleBlock':
        return;
      case 'bulletList':
      case 'orderedList': {
        if (place.numbered && this.numberParagraphs && !endsWithColon(previous)) {
          this.listAsParagraphs(at, place);
          return;
        }
        this.list(at, place, place.numbered ? 0 : depth);
        return;
      }
      case 'blockquote':
      case 'attributedQuote':
        this.blocks(children(node, pos), { ...PLAIN, inAnnex: place.inAnnex }, 0);
        return;
      case 'speakerContribution':
        this.blocks(children(node, pos), place, depth);
        return;
      default:
        // Sections nested elsewhere, and node types the export does not know: their content.
        if (!node.isTextblock && !node.isLeaf) this.blocks(children(node, pos), place, depth);
    }
  }

  /** An ordered or bullet list, as subparagraphs (UN) or an ordinary list. */
  private list({ node, pos }: At, place: Place, depth: number): void {
    const ordered = node.type.name === 'orderedList';
    const subparagraphs = place.unLists && this.numberParagraphs;
    const pattern = ordered ? patternAt(subparagraphs ? SUBPARAGRAPH_PATTERNS : PLAIN_LIST_PATTERNS, depth) : null;
    const start = ordered ? Math.max(1, Number(node.attrs.start) || 1) : 1;
    let count = 0;
    for (const item of children(node, pos)) {
      // Items without text print nothing and take no letter.
      if (isBlank(item.node)) continue;
      if (pattern) this.labels.push({ pos: item.pos, kind: 'item', label: formatNumber(start + count, pattern) });
      count += 1;
      const inner: Place = { numbered: false, unLists: place.unLists, inAnnex: place.inAnnex };
      this.blocks(children(item.node, item.pos), inner, depth + 1);
    }
  }

  /** A list in the numbered body: each item a numbered paragraph, its sub-lists subparagraphs. */
  private listAsParagraphs({ node, pos }: At, place: Place): void {
    for (const item of children(node, pos)) {
      const [first, ...rest] = children(item.node, item.pos);
      if (!first) continue;
      this.labels.push({ pos: item.pos, kind: 'itemAsParagraph', label: '' });
      const lead = first.node.type.name === 'paragraph' && this.paragraph(first, place);
      const inner: Place = { numbered: false, unLists: true, inAnnex: place.inAnnex };
      this.blocks(lead ? rest : [first, ...rest], inner, 0);
    }
  }
}
