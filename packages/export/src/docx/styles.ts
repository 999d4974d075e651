import { AlignmentType, type IStylesOptions } from 'docx';
import { CM } from './numbering.ts';

/** Times New Roman is the UN house font; the PDF uses Tinos, which has its metrics. */
export const FONT = 'Times New Roman';
const GREY = '595959';

/** Paragraph style ids this renderer uses beyond Word's built-in Title and Heading 1-4. */
export const STYLE = {
  titleLine: 'TitleBlockLine',
  subtitle: 'Subtitle',
  numbered: 'NumberedParagraph',
  body: 'BodyText',
  sessionInfo: 'SessionInfo',
  speaker: 'Speaker',
  quote: 'Quote',
  tags: 'RecommendationTags',
  identity: 'DocumentIdentity',
  header: 'Header',
  footer: 'Footer',
} as const;

/**
 * Styles with Word's own names (Title, Heading 1 ..., Quote, Subtitle, Header, Footer), so a
 * ministry can restyle the document by modifying styles in its own template; our additions
 * have plain names (Numbered Paragraph, Session Info ...).
 */
export function styles(): IStylesOptions {
  const size = 22; // half-points: 11 pt, as the PDF
  return {
    default: {
      document: {
        run: { font: FONT, size, language: { value: 'en-GB' } },
        paragraph: { spacing: { after: 160, line: 264 } },
      },
      title: {
        run: { font: FONT, size: 34, bold: true, color: '000000' },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 200 } },
      },
      heading1: {
        run: { font: FONT, size: 24, bold: true, color: '000000' },
        paragraph: { spacing: { before: 320, after: 160 }, keepNext: true },
      },
      heading2: {
        run: { font: FONT, size, bold: true, color: '000000' },
        paragraph: { spacing: { before: 280, after: 140 }, keepNext: true },
      },
      heading3: {
        run: { font: FONT, size, bold: true, italics: true, color: '000000' },
        paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
      },
      heading4: {
        run: { font: FONT, size, italics: true, color: '000000' },
        paragraph: { spacing: { before: 200, after: 120 }, keepNext: true },
      },
      listParagraph: { run: { font: FONT, size } },
    },
    paragraphStyles: [
      {
        id: STYLE.subtitle,
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 26, bold: true },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } },
      },
      {
        id: STYLE.titleLine,
        name: 'Title Block Line',
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 60 } },
      },
      {
        id: STYLE.numbered,
        name: 'Numbered Paragraph',
        basedOn: 'Normal',
        next: STYLE.numbered,
        paragraph: { alignment: AlignmentType.JUSTIFIED },
      },
      {
        id: STYLE.body,
        name: 'Body Text',
        basedOn: 'Normal',
        next: STYLE.body,
        paragraph: { alignment: AlignmentType.JUSTIFIED },
      },
      {
        id: STYLE.sessionInfo,
        name: 'Session Info',
        basedOn: 'Normal',
        next: 'Normal',
        run: { italics: true, size: 20 },
        paragraph: { indent: { left: CM }, spacing: { after: 200 } },
      },
      {
        id: STYLE.speaker,
        name: 'Speaker',
        basedOn: 'Normal',
        next: STYLE.numbered,
        paragraph: { keepNext: true, spacing: { before: 200, after: 100 } },
      },
      {
        id: STYLE.quote,
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: { indent: { left: 2 * CM, right: CM } },
      },
      {
        id: STYLE.tags,
        name: 'Recommendation Tags',
        basedOn: 'Normal',
        next: 'Normal',
        run: { italics: true, size: 17, color: GREY },
      },
      {
        id: STYLE.identity,
        name: 'Document Identity',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: 14, color: GREY },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 480 } },
      },
      { id: STYLE.header, name: 'Header', basedOn: 'Normal', run: { size: 18 } },
      {
        id: STYLE.footer,
        name: 'Footer',
        basedOn: 'Normal',
        run: { size: 18 },
        paragraph: { alignment: AlignmentType.CENTER },
      },
    ],
  };
}
