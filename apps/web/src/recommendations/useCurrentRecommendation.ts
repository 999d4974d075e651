import { useEffect, useState } from 'react';
import { recommendationAt } from './recommendationNodes.ts';
import type { RecommendationsController } from './RecommendationsController.ts';
import { useRecommendationsState } from './useRecommendations.ts';

/** The id of the recommendation the cursor is in, following the editor (none before it exists). */
export function useCurrentRecommendation(controller: RecommendationsController): string | null {
  const { editorVersion } = useRecommendationsState(controller);
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    const editor = controller.editor;
    if (!editor) {
      setCurrent(null);
      return;
    }
    const update = () => setCurrent(recommendationAt(editor.state.selection.$from)?.id ?? null);
    update();
    editor.on('transaction', update);
    return () => {
      editor.off('transaction', update);
    };
  }, [controller, editorVersion]);
  return current;
}
