import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  HeadingLevel,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type {
  Block,
  ListModel,
  RecommendationMark,
  Run,
  TableModel,
  TitleBlockModel,
} from '../model/types.ts';
import { CM, NUMBERING, type NumberingRegistry } from './numbering.ts';
import { STYLE } from './styles.ts';

type Out = Paragraph | Table;

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
] as const;

/** Arabic and Hebrew stretches (with the spaces between their words): Word sets them as RTL runs. */
const RTL = /[\p{Script=Arabic}\p{Script=Hebrew}]+(?:\s+[\p{Script=Arabic}\p{Script=Hebrew}]+)*/gu;

function splitDirection(text: string): Array<{ text: string; rtl: boolean }> {
  const parts: Array<{ text: string; rtl: boolean }> = [];
  let at = 0;
  for (const match of text.matchAll(RTL)) {
    if (match.index > at) parts.push({ text: text.slice(at, match.index), rtl: false });
    parts.push({ text: match[0], rtl: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), rtl: false });
  return parts;
}

function textRuns(run: Run, extra: { style?: string } = {}): TextRun[] {
  if ('break' in run) return [new TextRun({ break: 1 })];
  return splitDirection(run.text).map(
    (part) =>
      new TextRun({
        text: part.text,
        bold: run.bold,
        italics: run.italic,
        // Right-to-left runs take Word's complex-script properties for bold and italic.
        ...(part.rtl
          ? { rightToLeft: true, boldComplexScript: run.bold, italicsComplexScript: run.italic }
          : {}),
        underline: run.underline ? {} : undefined,
        strike: run.strike,
        ...extra,
      }),
  );
}

export function children(runs: readonly Run[]): ParagraphChild[] {
  return runs.flatMap((run): ParagraphChild[] =>
    !('break' in run) && run.href
      ? [new ExternalHyperlink({ link: run.href, children: textRuns(run, { style: 'Hyperlink' }) })]
      : textRuns(run),
  );
}

function tagParagraph(rec: RecommendationMark | undefined, left: number): Paragraph[] {
  if (!rec?.tagLine) return [];
  return [new Paragraph({ style: STYLE.tags, indent: { left }, children: [new TextRun(rec.tagLine)] })];
}

function titleBlock(b: TitleBlockModel): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(b.heading)] }),
    ...b.lines.map(
      (line) =>
        new Paragraph({
          style: line.role === 'meeting' ? STYLE.subtitle : STYLE.titleLine,
          children: children([
            { text: line.text, ...(line.role === 'theme' ? { italic: true as const } : {}) },
          ]),
        }),
    ),
    new Paragraph({
      style: STYLE.titleLine,
      border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 4 } },
      indent: { left: 3 * CM, right: 3 * CM },
      spacing: { after: 360 },
      children: [],
    }),
  ];
}

function table(b: TableModel): Table {
  const cell = (text: string, header: boolean) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: b.columns.map((c) => cell(c, true)) }),
      ...b.rows.map((row) => new TableRow({ children: row.map((c) => cell(c, false)) })),
    ],
  });
}

/** Converts model blocks to Word paragraphs and tables, with Word-native numbering. */
export class DocxBlocks {
  constructor(
    private readonly numbering: NumberingRegistry,
    /** Paragraphs are numbered: unnumbered blocks sit in the text column, 1 cm in. */
    private readonly numbered: boolean,
  ) {}

  convert(blocks: readonly Block[], top: boolean): Out[] {
    return blocks.flatMap((b) => this.block(b, top));
  }

  private column(top: boolean): number {
    return top && this.numbered ? CM : 0;
  }

  private block(b: Block, top: boolean): Out[] {
    switch (b.type) {
      case 'title':
        return titleBlock(b);
      case 'heading':
        return [
          new Paragraph({
            heading: HEADINGS[Math.min(b.rank, 3)],
            ...(b.label
              ? { numbering: { reference: NUMBERING.headings, level: Math.min(b.rank, 3), instance: 0 } }
              : {}),
            children: children(b.runs),
          }),
        ];
      case 'sessionInfo':
        return [
          new Paragraph({
            style: STYLE.sessionInfo,
            children: children(
              b.lines.flatMap((text, i) => (i ? [{ break: true as const }, { text }] : [{ text }])),
            ),
          }),
        ];
      case 'paragraph': {
        const left = this.column(top);
        const numbered = b.label !== null;
        return [
          new Paragraph({
            style: numbered ? STYLE.numbered : STYLE.body,
            ...(numbered
              ? { numbering: { reference: NUMBERING.paragraphs, level: 0, instance: 0 } }
              : left
                ? { indent: { left } }
                : {}),
            children: children(b.runs),
          }),
          ...tagParagraph(b.rec, numbered ? CM : left),
        ];
      }
      case 'list':
        return this.list(b);
      case 'quote':
        // Quoted paragraphs take Word's own Quote style; the attribution follows, right-aligned.
        return [
          ...b.blocks.flatMap((inner) =>
            inner.type === 'paragraph'
              ? [new Paragraph({ style: STYLE.quote, children: children(inner.runs) })]
              : this.block(inner, false),
          ),
          ...(b.attribution
            ? [
                new Paragraph({
                  style: STYLE.quote,
                  alignment: AlignmentType.RIGHT,
                  children: children([{ text: `— ${b.attribution}` }]),
                }),
              ]
            : []),
        ];
      case 'speaker':
        return [
          new Paragraph({
            style: STYLE.speaker,
            indent: { left: this.column(top) },
            children: children([
              { text: b.speaker, bold: true },
              ...(b.affiliation ? [{ text: ', ' }, { text: b.affiliation, italic: true as const }] : []),
            ]),
          }),
          ...this.convert(b.blocks, top),
        ];
      case 'table':
        return [table(b)];
    }
  }

  private list(b: ListModel): Out[] {
    const level = Math.min(b.depth, 3);
    const reference = b.ordered
      ? this.numbering.orderedReference(b.subparagraphs, b.start, level)
      : NUMBERING.bullets;
    const instance = this.numbering.nextInstance();
    const left = (b.subparagraphs ? 2 : 1) * CM + level * CM;
    return b.items.flatMap((item) => {
      const [first, ...rest] = item.blocks;
      const lead =
        first?.type === 'paragraph'
          ? [
              new Paragraph({
                style: 'ListParagraph',
                numbering: { reference, level, instance },
                children: children(first.runs),
              }),
              ...tagParagraph(first.rec, left),
            ]
          : [
              new Paragraph({
                style: 'ListParagraph',
                numbering: { reference, level, instance },
                children: [],
              }),
            ];
      const more = (first?.type === 'paragraph' ? rest : item.blocks).flatMap((inner) =>
        inner.type === 'paragraph'
          ? [
              new Paragraph({ style: STYLE.body, indent: { left }, children: children(inner.runs) }),
              ...tagParagraph(inner.rec, left),
            ]
          : this.block(inner, false),
      );
      return [...lead, ...more, ...tagParagraph(item.rec, left)];
    });
  }
}
