import type { AnyExtension } from '@tiptap/core';
import { Document } from '@tiptap/extension-document';
import { StarterKit } from '@tiptap/starter-kit';
import { AttributedQuote } from './nodes/attributedQuote.ts';
import { RecommendationAttribute } from './nodes/recommendationAttribute.ts';
import { Section } from './nodes/section.ts';
import { SessionHeading } from './nodes/sessionHeading.ts';
import { SpeakerContribution } from './nodes/speakerContribution.ts';
import { TitleBlock } from './nodes/titleBlock.ts';

export interface PlenaryExtensionOptions {
  /** Open links when clicked (the editor wants false while editing). */
  openLinksOnClick?: boolean;
}

/**
 * A summary is a sequence of sections and loose blocks (a blank document has no sections).
 * `block` comes first so that a paragraph, not an (invalid, empty) section, is the default node
 * wherever ProseMirror must create one.
 */
const PlenaryDocument = Document.extend({ content: '(block | section)+' });

/**
 * The document schema as plain Tiptap extensions, with no DOM and no React: the server can build
 * a ProseMirror schema from it (`getSchema(plenaryExtensions())`) and the editor adds its
 * collaboration extensions and node views on top.
 *
 * StarterKit's own undo/redo is off: with collaboration, undo must go through Yjs' UndoManager
 * so that a user undoes only their own changes.
 */
export function plenaryExtensions(options: PlenaryExtensionOptions = {}): AnyExtension[] {
  return [
    PlenaryDocument,
    StarterKit.configure({
      document: false,
      undoRedo: false,
      // Keep an empty paragraph (never a section) at the end, so there is always a place to type.
      trailingNode: { node: 'paragraph' },
      heading: { levels: [1, 2, 3, 4] },
      codeBlock: false,
      code: false,
      link: {
        openOnClick: options.openLinksOnClick ?? false,
        autolink: true,
        defaultProtocol: 'https',
        protocols: ['http', 'https', 'mailto'],
      },
    }),
    Section,
    TitleBlock,
    SessionHeading,
    SpeakerContribution,
    AttributedQuote,
    RecommendationAttribute,
  ];
}
