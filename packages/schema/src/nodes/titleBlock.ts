import { Node, mergeAttributes } from '@tiptap/core';

/**
 * The title block ("Chair's Summary", the meeting, its co-hosts, dates, venue). It holds no text
 * of its own: editors and exports render it from the document's meeting details, so nobody types
 * them twice and a change in the details panel shows everywhere at once.
 */
export const TitleBlock = Node.create({
  name: 'titleBlock',
  group: 'block',
  atom: true,
  selectable: false,
  draggable: false,

  addAttributes() {
    return {
      /** "Chair's Summary", "Co-Chairs' Summary", "Summary report" ... */
      heading: { default: "Chair's Summary" },
    };
  },

  parseHTML() {
    return [{ tag: 'header[data-title-block]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['header', mergeAttributes({ 'data-title-block': '', class: 'plenary-title-block' }, HTMLAttributes)];
  },
});
