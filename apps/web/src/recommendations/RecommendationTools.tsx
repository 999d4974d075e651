import { useEditorState, type Editor } from '@tiptap/react';
import { ToolbarButton } from '../editor/ToolbarButton.tsx';
import { RecommendationIcon, TagIcon } from './icons.tsx';
import { recommendationAt } from './recommendationNodes.ts';
import { RECOMMENDATION_SHORTCUTS } from './shortcuts.ts';

/** The toolbar's group for recommendations: mark or unmark, and open the tags. */
export function RecommendationTools({
  editor,
  disabled,
}: {
  readonly editor: Editor;
  readonly disabled: boolean;
}) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      inRecommendation: recommendationAt(e.state.selection.$from) !== null,
      canMark: e.can().toggleRecommendation(),
    }),
  });
  return (
    <div className="toolbar__group" role="group" aria-label="Recommendation">
      <ToolbarButton
        label={state.inRecommendation ? 'Unmark recommendation' : 'Mark as recommendation'}
        shortcut={RECOMMENDATION_SHORTCUTS.toggle}
        active={state.inRecommendation}
        disabled={disabled || !state.canMark}
        onClick={() => editor.chain().focus().toggleRecommendation().run()}
      >
        <RecommendationIcon />
      </ToolbarButton>
      <ToolbarButton
        label="Tag recommendation"
        shortcut={RECOMMENDATION_SHORTCUTS.tags}
        disabled={disabled || !state.inRecommendation}
        onClick={() => editor.commands.openRecommendationTags()}
      >
        <TagIcon />
      </ToolbarButton>
    </div>
  );
}
