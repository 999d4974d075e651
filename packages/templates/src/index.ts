export {
  TEMPLATES,
  DOCUMENT_TEMPLATES,
  SECTION_TEMPLATES,
  UnknownTemplateError,
  isDocumentTemplateId,
  isSectionTemplateId,
} from './registry.ts';
export type { TemplateInfo, TemplateKind, DocumentTemplateId, SectionTemplateId } from './registry.ts';
export { buildDocument, sessionFindings, summaryHeading } from './documents.ts';
export type { BuiltDocument, DocumentInput } from './documents.ts';
export { buildSection } from './sections.ts';
export type { SectionInput } from './sections.ts';
export { documentSchema, seedYDoc, encodeSeed, readContent } from './seed.ts';
export type { DocumentContent } from './seed.ts';
export { doc, section, h, p, ul, ol, li, blockquote, text, titleBlock, sessionHeading, speaker, quote, rec } from './builders.ts';
