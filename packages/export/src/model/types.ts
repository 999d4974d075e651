import type { Pattern } from '@plenary/schema';

/**
 * The export model: everything a renderer needs, computed once, as plain JSON. The Typst
 * template reads it as data (never as source) and the Word renderer walks it; numbers and labels
 * are decided here, so both formats say the same thing. Bump MODEL_VERSION when a field changes
 * meaning, so a template can refuse a model it does not understand.
 */
export const MODEL_VERSION = 1;

/** A stretch of text with the same formatting, or a line break. */
export type Run = TextRun | BreakRun;

export interface TextRun {
  text: string;
  bold?: true;
  italic?: true;
  underline?: true;
  strike?: true;
  /** Only http, https and mailto links survive (see model/inline.ts). */
  href?: string;
}

export interface BreakRun {
  break: true;
}

/** Tags of a recommendation as labels from the workspace vocabulary, ready to print. */
export interface RecommendationTagsModel {
  themes: string[];
  addressees: string[];
  priority: string | null;
  status: string | null;
}

/** Marks a paragraph or list item as recommendation `number`. */
export interface RecommendationMark {
  id: string;
  number: number;
  /** Absent when the export hides tags. */
  tags?: RecommendationTagsModel;
  /** The tags as one printed line (see labels.ts `tagLine`); absent when tags are hidden. */
  tagLine?: string;
}

export interface TitleLine {
  role: 'meeting' | 'theme' | 'ministerial' | 'coHosts' | 'datesVenue' | 'chairs' | 'format' | 'participants';
  text: string;
}

export interface TitleBlockModel {
  type: 'title';
  /** "Chair's Summary", "Co-Chairs' Summary" ... */
  heading: string;
  lines: TitleLine[];
}

export interface HeadingModel {
  type: 'heading';
  /** Depth from the top of the body: 0 is a chapter (I.), 1 a section (A.) ... */
  rank: number;
  /** "I.", "A." ... or null when headings are not numbered (or in an annex). */
  label: string | null;
  runs: Run[];
}

/** The facts of a session under its heading: day, facilitator, speakers. */
export interface SessionInfoModel {
  type: 'sessionInfo';
  lines: string[];
}

export interface ParagraphModel {
  type: 'paragraph';
  /** "12." for a numbered paragraph; null for an unnumbered one. */
  label: string | null;
  runs: Run[];
  rec?: RecommendationMark;
}

export interface ListItemModel {
  /** As printed: "(a)", "3.", "•". */
  label: string;
  blocks: Block[];
  rec?: RecommendationMark;
}

export interface ListModel {
  type: 'list';
  ordered: boolean;
  /** The counting pattern of an ordered list (Typst's enum numbering; Word's level text). */
  pattern: Pattern | null;
  /** The bullet of an unordered list. */
  bullet: string | null;
  start: number;
  /** Nesting depth (0 for a list directly in the body). */
  depth: number;
  /** True when the items are subparagraphs of the numbered paragraph before them. */
  subparagraphs: boolean;
  items: ListItemModel[];
}

export interface QuoteModel {
  type: 'quote';
  attribution: string | null;
  blocks: Block[];
}

export interface SpeakerModel {
  type: 'speaker';
  speaker: string;
  affiliation: string;
  blocks: Block[];
}

export interface TableModel {
  type: 'table';
  columns: string[];
  rows: string[][];
}

export type Block =
  | TitleBlockModel
  | HeadingModel
  | SessionInfoModel
  | ParagraphModel
  | ListModel
  | QuoteModel
  | SpeakerModel
  | TableModel;

export interface AnnexModel {
  /** "Annex" when there is one, "Annex I", "Annex II" ... when there are several. */
  label: string;
  title: string;
  blocks: Block[];
}

export interface ExportMeta {
  /** The PDF/Word title. */
  title: string;
  /** The running header. */
  shortTitle: string;
  /** The co-hosts. */
  authors: string[];
  subject: string;
  keywords: string[];
  language: 'en';
  /** Date of issue as printed in the header: "12 May 2026". */
  issuedOn: string;
  /** The same date, ISO (YYYY-MM-DD), for the PDF metadata. */
  issuedOnIso: string;
}

/** What identifies this copy: printed on the last page of a final export and in its metadata. */
export interface ExportIdentity {
  versionId: string;
  /** Hex SHA-256 of the canonical content (see hash.ts). */
  sha256: string;
}

export interface ExportModel {
  modelVersion: number;
  meta: ExportMeta;
  /** A draft carries the DRAFT watermark and no identity line. */
  draft: boolean;
  identity: ExportIdentity;
  numbering: { paragraphs: boolean; headings: boolean };
  body: Block[];
  annexes: AnnexModel[];
}
