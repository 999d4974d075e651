import { Node, mergeAttributes } from '@tiptap/core';

/** A quotation with who said it, kept apart from the quoted words so exports can set it. */
export const AttributedQuote = Node.create({
  name: 'attributedQuote',
  group: 'block',
  content: 'paragraph+',
  defining: true,

  addAttributes() {
    return {
      attribution: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-attribution') ?? '',
        renderHTML: (attributes) => ({ 'data-attribution': attributes.attribution as string }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'figure[data-attributed-quote]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes({ 'data-attributed-quote': '', class: 'plenary-quote' }, HTMLAttributes), 0];
  },
});
