import type { AnyExtension } from '@tiptap/core';
import { ReactNodeViewRenderer } from '@tiptap/react';
import type * as Y from 'yjs';
import { AttributedQuote, SessionHeading, SpeakerContribution, TitleBlock } from '@plenary/schema';
import { AttributedQuoteView } from './AttributedQuoteView.tsx';
import { SectionPrompts } from './sectionPrompts.ts';
import { SessionHeadingView } from './SessionHeadingView.tsx';
import { SpeakerContributionView } from './SpeakerContributionView.tsx';
import { TitleBlockView } from './TitleBlockView.tsx';
import { UndoHistorySync } from './undoHistorySync.ts';

/**
 * The schema's structure nodes with their React node views. The schema package has no DOM and
 * no React (the server builds the same schema), so the editor swaps these in by name.
 */
const WITH_VIEWS: Record<string, AnyExtension> = {
  [TitleBlock.name]: TitleBlock.extend({ addNodeView: () => ReactNodeViewRenderer(TitleBlockView) }),
  [SessionHeading.name]: SessionHeading.extend({
    addNodeView: () => ReactNodeViewRenderer(SessionHeadingView),
  }),
  [SpeakerContribution.name]: SpeakerContribution.extend({
    addNodeView: () => ReactNodeViewRenderer(SpeakerContributionView),
  }),
  [AttributedQuote.name]: AttributedQuote.extend({
    addNodeView: () => ReactNodeViewRenderer(AttributedQuoteView),
  }),
};

/** `extensions` with the structure nodes rendered by their node views. */
export function withStructureNodeViews(extensions: readonly AnyExtension[]): AnyExtension[] {
  return extensions.map((extension) => WITH_VIEWS[extension.name] ?? extension);
}

/** What the editor adds for the document's structure: section prompts, undo state of the panels. */
export function structureExtensions(doc: Y.Doc): AnyExtension[] {
  return [SectionPrompts, UndoHistorySync.configure({ doc })];
}
