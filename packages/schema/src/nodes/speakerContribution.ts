import { Node, mergeAttributes } from '@tiptap/core';

/** What one speaker said, with who they are: "H.E. Ms. X, Minister of Defence of Y". */
export const SpeakerContribution = Node.create({
  name: 'speakerContribution',
  group: 'block',
  content: 'paragraph+',
  defining: true,

  addAttributes() {
    return {
      speaker: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-speaker') ?? '',
        renderHTML: (attributes) => ({ 'data-speaker': attributes.speaker as string }),
      },
      affiliation: {
        default: '',
        parseHTML: (element) => element.getAttribute('data-affiliation') ?? '',
        renderHTML: (attributes) => ({ 'data-affiliation': attributes.affiliation as string }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-speaker-contribution]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-speaker-contribution': '', class: 'plenary-speaker' }, HTMLAttributes), 0];
  },
});
