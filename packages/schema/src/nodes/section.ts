import { Node, mergeAttributes } from '@tiptap/core';
import { isSectionKind, type SectionKind } from '../sectionKinds.ts';

/**
 * A top-level part of the summary (overview, one session's findings, conclusions ...). Sections
 * do not nest; their kind and, for per-session findings, the id of their session are attributes
 * so that structure survives any amount of editing inside.
 */
export const Section = Node.create({
  name: 'section',
  group: 'section',
  content: 'block+',
  defining: true,
  isolating: true,

  addAttributes() {
    return {
      kind: {
        default: 'generic' satisfies SectionKind,
        parseHTML: (element) => {
          const kind = element.getAttribute('data-kind');
          return isSectionKind(kind) ? kind : 'generic';
        },
        renderHTML: (attributes) => ({ 'data-kind': attributes.kind as string }),
      },
      sessionId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-session-id'),
        renderHTML: (attributes) =>
          attributes.sessionId ? { 'data-session-id': attributes.sessionId as string } : {},
      },
    };
  },

  parseHTML() {
    return [{ tag: 'section[data-kind]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['section', mergeAttributes({ class: 'plenary-section' }, HTMLAttributes), 0];
  },
});
