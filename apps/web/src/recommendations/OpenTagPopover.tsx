import type { Editor } from '@tiptap/core';
import type { RecommendationsController } from './RecommendationsController.ts';
import { TagPopover } from './TagPopover.tsx';
import { useRecommendationsState } from './useRecommendations.ts';

/** The tag popover of whichever recommendation is being tagged, if any. Place it in the page. */
export function OpenTagPopover({
  controller,
  editor,
  readOnly,
}: {
  readonly controller: RecommendationsController;
  readonly editor: Editor;
  readonly readOnly: boolean;
}) {
  const { tagging, vocabulary } = useRecommendationsState(controller);
  if (!tagging) return null;
  return (
    <TagPopover
      key={tagging}
      controller={controller}
      editor={editor}
      recId={tagging}
      vocabulary={vocabulary}
      readOnly={readOnly}
    />
  );
}
