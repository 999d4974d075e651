import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  TabStopType,
  TextRun,
} from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { ExportModel } from '../model/types.ts';
import { DocxBlocks } from './blocks.ts';
import { CM, NumberingRegistry } from './numbering.ts';
import { FONT, STYLE, styles } from './styles.ts';

/** A4 in twips, with the PDF's margins (2.5 cm left and right, 2.7 cm top and bottom). */
const PAGE = { width: 11906, height: 16838 };
const MARGIN = {
  top: Math.round(2.7 * CM),
  bottom: Math.round(2.7 * CM),
  left: Math.round(2.5 * CM),
  right: Math.round(2.5 * CM),
};
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

/**
 * Word's own watermark: the WordArt shape behind the text that Design > Watermark inserts, in
 * the header so it repeats on every page; Word lists it as a watermark and can remove it.
 */
function watermark(): TextWatermark {
  return new TextWatermark({ text: 'DRAFT', font: FONT, color: 'C0C0C0', opacity: 0.5, layout: 'diagonal' });
}

function headers(model: ExportModel): { first: Header; default: Header } {
  const mark = model.draft ? [watermark()] : [];
  return {
    // Page 1 opens with the title block: no running header there, only the watermark.
    first: new Header({ children: [new Paragraph({ style: STYLE.header, children: mark })] }),
    default: new Header({
      children: [
        new Paragraph({
          style: STYLE.header,
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
          border: { bottom: { style: 'single', size: 4, color: '000000', space: 2 } },
          children: [
            ...mark,
            new TextRun(model.meta.shortTitle),
            new TextRun({ children: ['\t', model.meta.issuedOn] }),
          ],
        }),
      ],
    }),
  };
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  });
}

/**
 * The export model as a Word document: styles with Word's names, Word-native numbering, page
 * numbers in the footer, a DRAFT watermark on drafts and the document metadata.
 *
 * A final copy prints its identity at the very end of the text rather than in the footer of its
 * last page: Word decides pagination only when it opens the file, and a "last page only" footer
 * needs field codes that Word updates on its own terms. The metadata carries it too.
 */
export async function renderDocx(model: ExportModel): Promise<Uint8Array<ArrayBuffer>> {
  const numbering = new NumberingRegistry();
  const convert = new DocxBlocks(numbering, model.numbering.paragraphs);
  const body = convert.convert(model.body, true);
  const annexes = model.annexes.flatMap((annex) => [
    new Paragraph({
      heading: 'Heading1',
      alignment: AlignmentType.CENTER,
      pageBreakBefore: true,
      children: [
        new TextRun(annex.label),
        ...(annex.title ? [new TextRun({ text: annex.title, break: 1 })] : []),
      ],
    }),
    ...convert.convert(annex.blocks, false),
  ]);
  const identity = model.draft
    ? []
    : [
        new Paragraph({
          style: STYLE.identity,
          children: [new TextRun(`Version ${model.identity.versionId} · SHA-256 ${model.identity.sha256}`)],
        }),
      ];

  const document = new Document({
    title: model.meta.title,
    subject: model.meta.subject,
    creator: model.meta.authors.join('; '),
    description: model.meta.subject,
    keywords: model.meta.keywords.join(' '),
    lastModifiedBy: 'Plenary',
    styles: styles(),
    numbering: numbering.options(),
    features: { updateFields: false },
    sections: [
      {
        properties: { titlePage: true, page: { size: PAGE, margin: MARGIN } },
        headers: headers(model),
        footers: { first: footer(), default: footer() },
        children: [...body, ...annexes, ...identity],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
