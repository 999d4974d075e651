import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Editor } from '@tiptap/core';
import type { RecommendationEntry } from '@plenary/schema';
import { findRecommendation, sessionPartAt } from './recommendationNodes.ts';
import type { RecommendationsController } from './RecommendationsController.ts';
import { TagFields } from './TagFields.tsx';
import { useRecommendationList } from './tags.ts';
import { TermPicker } from './TermPicker.tsx';
import { useTags } from './useTags.ts';
import { LIST_LABELS, type Vocabulary } from './vocabulary.ts';

interface TagPopoverProps {
  readonly controller: RecommendationsController;
  readonly editor: Editor;
  readonly recId: string;
  readonly vocabulary: Vocabulary | null;
  /** The tags are shown, not changed: an observer, or a final document. */
  readonly readOnly?: boolean;
}

const GAP = 6;
const EXCERPT_WORDS = 14;

/**
 * The tags of one recommendation, under its text. Every change is written to the Y.Doc at once
 * (others see it live; Undo takes it back), so there is nothing to save: Escape or Done closes
 * and puts the keyboard back in the text. A non-modal dialog: clicking or tabbing elsewhere
 * closes it too.
 */
export function TagPopover({ controller, editor, recId, vocabulary, readOnly = false }: TagPopoverProps) {
  const ref = useRef<HTMLDivElement>(null);
  const firstField = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const position = useAnchorPosition(editor, recId);
  const tags = useTags(controller.doc, recId);
  const { recommendations, sessions } = useRecommendationList(controller.doc);
  const entry: RecommendationEntry | undefined = recommendations.find((r) => r.id === recId);
  const gone = position === 'gone';
  const shown = position !== null && !gone;

  useEffect(() => {
    if (!shown) return;
    firstField.current?.focus({ preventScroll: true });
    ref.current?.scrollIntoView({ block: 'nearest' });
  }, [recId, shown]);

  // Someone deleted the recommendation (or unmarked it) while its tags were open.
  useEffect(() => {
    if (gone) controller.closeTags({ refocus: ref.current?.contains(document.activeElement) ?? false });
  }, [gone, controller]);

  // A click anywhere else closes; the click goes on to do what it does (e.g. place the caret).
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Element | null;
      if (!target || ref.current?.contains(target)) return;
      if (target.closest(`[data-rec-id="${CSS.escape(recId)}"]`)) return;
      controller.closeTags({ refocus: false });
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [controller, recId]);

  if (position === 'gone' || position === null) return null;

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      controller.closeTags({ refocus: true });
    }
  };

  const partSessionId = (() => {
    const rec = findRecommendation(editor.state.doc, recId);
    return rec ? sessionPartAt(editor.state.doc, rec.pos) : null;
  })();

  return (
    <div
      ref={ref}
      className="tag-popover"
      role="dialog"
      aria-labelledby={titleId}
      style={{ top: position.top, left: position.left, width: position.width }}
      onKeyDown={handleKeyDown}
      onBlur={(event) => {
        const next = event.relatedTarget as Node | null;
        if (next && !event.currentTarget.contains(next)) controller.closeTags({ refocus: false });
      }}
    >
      <div className="tag-popover__header">
        <h2 id={titleId} className="tag-popover__title">
          Tags of recommendation {entry?.number ?? ''}
        </h2>
        <p className="tag-popover__excerpt">{excerpt(entry?.text ?? '')}</p>
        <button
          type="button"
          className="tag-popover__close"
          aria-label="Close tags"
          onClick={() => controller.closeTags({ refocus: true })}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>

      {vocabulary ? (
        <fieldset className="tag-popover__fields" disabled={readOnly}>
          <legend className="visually-hidden">{readOnly ? 'Tags (read only)' : 'Tags'}</legend>
          <div className="tag-popover__lists">
            <TermPicker
              inputRef={firstField}
              label={LIST_LABELS.themes.plural}
              terms={vocabulary.themes}
              selected={tags.themes}
              onToggle={(id, on) =>
                controller.changeTags(recId, on ? { addThemes: [id] } : { removeThemes: [id] })
              }
            />
            <TermPicker
              label={LIST_LABELS.addressees.plural}
              terms={vocabulary.addressees}
              selected={tags.addressees}
              onToggle={(id, on) =>
                controller.changeTags(recId, on ? { addAddressees: [id] } : { removeAddressees: [id] })
              }
            />
          </div>
          <TagFields
            tags={tags}
            vocabulary={vocabulary}
            sessions={sessions}
            partSessionId={partSessionId}
            onChange={(change) => controller.changeTags(recId, change)}
          />
        </fieldset>
      ) : (
        <p className="tag-popover__loading" role="status">
          The tag lists have not loaded yet. They need a connection to the server once.
        </p>
      )}

      <div className="tag-popover__footer">
        <p className="tag-popover__hint">
          {readOnly ? 'You can read these tags, not change them.' : 'Saved as you go.'} Esc returns to the
          text.
        </p>
        <button
          type="button"
          className="button button--small button--primary"
          onClick={() => controller.closeTags({ refocus: true })}
        >
          Done
        </button>
      </div>
    </div>
  );
}

function excerpt(text: string): string {
  const words = text.split(/\s+/).filter(Boolean);
  return words.length > EXCERPT_WORDS ? `${words.slice(0, EXCERPT_WORDS).join(' ')} …` : words.join(' ');
}

interface Position {
  readonly top: number;
  readonly left: number;
  readonly width: number;
}

/**
 * Where the popover goes: under the recommendation's chips, aligned with the text, in the
 * coordinates of the page (its offset parent), so it scrolls with the text for free. Measured
 * again after every editor transaction, since others' edits move the text around.
 * 'gone' when the document no longer has the recommendation.
 */
function useAnchorPosition(editor: Editor, recId: string): Position | 'gone' | null {
  const [position, setPosition] = useState<Position | 'gone' | null>(null);
  useLayoutEffect(() => {
    const measure = () => {
      if (editor.isDestroyed) return;
      const text = editor.view.dom as HTMLElement;
      const page = text.closest('.page');
      const anchor = text.querySelector(`.rec-chips[data-rec-id="${CSS.escape(recId)}"]`);
      if (!page || !anchor) {
        setPosition(findRecommendation(editor.state.doc, recId) ? null : 'gone');
        return;
      }
      const pageBox = page.getBoundingClientRect();
      const textBox = text.getBoundingClientRect();
      const anchorBox = anchor.getBoundingClientRect();
      const next = {
        top: Math.round(anchorBox.bottom - pageBox.top + GAP),
        left: Math.round(textBox.left - pageBox.left),
        width: Math.round(textBox.width),
      };
      setPosition((previous) =>
        previous &&
        previous !== 'gone' &&
        previous.top === next.top &&
        previous.left === next.left &&
        previous.width === next.width
          ? previous
          : next,
      );
    };
    measure();
    editor.on('transaction', measure);
    window.addEventListener('resize', measure);
    return () => {
      editor.off('transaction', measure);
      window.removeEventListener('resize', measure);
    };
  }, [editor, recId]);
  return position;
}
