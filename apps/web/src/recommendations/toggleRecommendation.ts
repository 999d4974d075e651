import type { EditorState, Transaction } from '@tiptap/pm/state';
import { isDefaultPlace, markTargets, recIdOf } from './recommendationNodes.ts';

/**
 * Marks the paragraphs or list items of the selection as recommendations, or unmarks them when
 * all of them already are. Unmarking an item of a Recommendations section records the choice
 * (`recOptOut`), or the section would mark it again at the next keystroke. Tags stay in the
 * tags map under the old id, so undo brings the recommendation back with them.
 *
 * Returns false (doing nothing) where nothing can be a recommendation, e.g. in a heading.
 */
export function toggleRecommendation(
  state: EditorState,
  dispatch: ((tr: Transaction) => void) | undefined,
  newId: () => string,
): boolean {
  const { from, to } = state.selection;
  const targets = markTargets(state.doc, from, to);
  if (targets.length === 0) return false;
  if (!dispatch) return true;
  const tr = state.tr;
  const unmark = targets.every((target) => recIdOf(target.node));
  for (const { pos, node } of targets) {
    if (unmark) {
      tr.setNodeAttribute(pos, 'recId', null);
      tr.setNodeAttribute(pos, 'recOptOut', isDefaultPlace(state.doc, pos));
    } else if (!recIdOf(node)) {
      tr.setNodeAttribute(pos, 'recId', newId());
      tr.setNodeAttribute(pos, 'recOptOut', false);
    }
  }
  dispatch(tr);
  return true;
}
