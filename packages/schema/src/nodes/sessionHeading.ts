import { Node, mergeAttributes } from '@tiptap/core';

/**
 * The heading of a per-session findings part ("Session 3 – Enhancing medical capacity",
 * facilitator, speakers). Like the title block it renders from data, here the session with id
 * `sessionId` in the document's sessions list, so renaming or renumbering a session in the
 * sessions panel changes its heading for everyone.
 */
export const SessionHeading = Node.create({
  name: 'sessionHeading',
  group: 'block',
  atom: true,
  selectable: false,
  draggable: false,

  addAttributes() {
    return {
      sessionId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-session-id'),
        renderHTML: (attributes) => ({ 'data-session-id': attributes.sessionId as string }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-session-heading]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-session-heading': '', class: 'plenary-session-heading' }, HTMLAttributes)];
  },
});
