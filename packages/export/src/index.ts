export { toExportModel } from './model/toExportModel.ts';
export type { ExportOptions } from './model/toExportModel.ts';
export { readExportSource } from './model/source.ts';
export type { ExportContent, ExportSource, PmNode } from './model/source.ts';
export { ANNEX_KINDS } from './model/annexes.ts';
export type { AnnexKind } from './model/annexes.ts';
export { MODEL_VERSION } from './model/types.ts';
export type {
  AnnexModel,
  Block,
  ExportIdentity,
  ExportMeta,
  ExportModel,
  HeadingModel,
  ListItemModel,
  ListModel,
  ParagraphModel,
  RecommendationMark,
  Run,
} from './model/types.ts';
export {
  HASH_SCHEME,
  canonicalContent,
  canonicalJson,
  contentHash,
  contentVersionId,
  isSha256Hex,
} from './hash.ts';
export { formatNumber, toLetters, toRoman } from '@plenary/schema';
export { renderDocx } from './docx/render.ts';
export { loadTypstEngine, TypstCompileError } from './typst/engine.ts';
export type { PdfStandard, TypstEngine } from './typst/engine.ts';
export { ExportBusyError, ExportFailedError, RenderPool } from './worker/pool.ts';
export type { RenderOutput, RenderPoolEvent, RenderPoolOptions } from './worker/pool.ts';
export type { ExportJob } from './worker/messages.ts';
export { ARABIC_NAME, TYPST_SYNTAX_TEXT, sampleSummary } from './testing/sampleSummary.ts';
export type { SampleOptions } from './testing/sampleSummary.ts';
