import { Extension } from '@tiptap/core';

/** Node types that can be a recommendation: a paragraph, or an item of a list. */
export const RECOMMENDATION_NODE_TYPES = ['paragraph', 'listItem'] as const;

/**
 * Marks a paragraph or list item as a recommendation by giving it a stable id (`recId`). The id
 * survives edits, moves, undo and redo because it is an attribute of the node in the Y.Doc; the
 * recommendation's number is computed from document order and never stored; its tags live in
 * the Y.Doc's `recommendations` map under this id. `recOptOut` marks an item of a
 * Recommendations section that a rapporteur unmarked, so it is not marked again by default.
 */
export const RecommendationAttribute = Extension.create({
  name: 'recommendationAttribute',

  addGlobalAttributes() {
    return [
      {
        types: [...RECOMMENDATION_NODE_TYPES],
        attributes: {
          recId: {
            default: null,
            keepOnSplit: false,
            parseHTML: (element) => element.getAttribute('data-rec-id'),
            renderHTML: (attributes) => (attributes.recId ? { 'data-rec-id': attributes.recId as string } : {}),
          },
          recOptOut: {
            default: false,
            keepOnSplit: false,
            parseHTML: (element) => element.hasAttribute('data-rec-opt-out'),
            renderHTML: (attributes) => (attributes.recOptOut ? { 'data-rec-opt-out': '' } : {}),
          },
        },
      },
    ];
  },
});
