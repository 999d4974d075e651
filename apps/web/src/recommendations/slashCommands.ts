import {
  registerSlashCommands,
  type SlashCommand,
  type SlashCommandSource,
} from '../templates/slashCommands.ts';
import { recommendationAt } from './recommendationNodes.ts';

export const RECOMMENDATIONS_GROUP = 'Recommendation';

/**
 * The "/" menu's recommendation commands, which depend on where the cursor is: mark (or unmark)
 * the paragraph or list item, and, inside a recommendation, open its tags. Both first remove the
 * "/query" typed to find them, in the same transaction (one undo step).
 */
const recommendationCommands: SlashCommandSource = ({ editor }) => {
  const inRecommendation = recommendationAt(editor.state.selection.$from) !== null;
  const toggle: SlashCommand = {
    id: 'recommendation-toggle',
    label: inRecommendation ? 'Unmark recommendation' : 'Mark as recommendation',
    description: inRecommendation
      ? 'Make this an ordinary paragraph again; its number goes, its tags come back with Undo.'
      : 'Number this paragraph or list item as a recommendation, to tag it and find it in the register.',
    group: RECOMMENDATIONS_GROUP,
    keywords: ['recommendation', 'mark', 'number', 'tag'],
    run: ({ editor: e, range }) => {
      e.chain()
        .focus()
        .command(({ tr }) => {
          if (range && range.to > range.from) tr.delete(range.from, range.to);
          return true;
        })
        .toggleRecommendation()
        .run();
    },
  };
  if (!inRecommendation) return [toggle];
  const tags: SlashCommand = {
    id: 'recommendation-tags',
    label: 'Tag recommendation',
    description: 'Themes, addressees, A4P+ priority, session, status and a note.',
    group: RECOMMENDATIONS_GROUP,
    keywords: ['recommendation', 'tags', 'theme', 'addressee', 'priority', 'status'],
    run: ({ editor: e, range }) => {
      if (range && range.to > range.from) e.view.dispatch(e.state.tr.delete(range.from, range.to));
      e.commands.openRecommendationTags();
    },
  };
  return [tags, toggle];
};

/** Adds the commands to the "/" menu; returns a function that removes them. */
export function registerRecommendationCommands(): () => void {
  return registerSlashCommands(recommendationCommands);
}
