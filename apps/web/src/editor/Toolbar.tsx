import { useRef } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { RecommendationTools } from '../recommendations/RecommendationTools.tsx';
import { TemplatesMenu } from '../templates/TemplatesMenu.tsx';
import {
  BoldIcon,
  BulletListIcon,
  ItalicIcon,
  LinkIcon,
  OrderedListIcon,
  QuoteIcon,
  RedoIcon,
  UnderlineIcon,
  UndoIcon,
} from './icons.tsx';
import { ToolbarButton } from './ToolbarButton.tsx';
import { useRovingFocus } from './useRovingFocus.ts';

interface ToolbarProps {
  readonly editor: Editor;
  readonly onLink: () => void;
}

const HEADINGS = [1, 2, 3] as const;

/** Formatting controls, reflecting the formatting at the selection. */
export function Toolbar({ editor, onLink }: ToolbarProps) {
  const ref = useRef<HTMLDivElement>(null);
  const roving = useRovingFocus(ref);
  // One selector, compared deeply by useEditorState: the toolbar re-renders only when a
  // button's state changes, not on every keystroke.
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      editable: e.isEditable,
      paragraph: e.isActive('paragraph'),
      heading: HEADINGS.find((level) => e.isActive('heading', { level })) ?? null,
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      link: e.isActive('link'),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const off = !state.editable;
  const run = () => editor.chain().focus();

  return (
    <div
      ref={ref}
      className="toolbar"
      role="toolbar"
      aria-label="Formatting"
      aria-controls="document-text"
      onKeyDown={roving.onKeyDown}
      onFocus={roving.onFocus}
    >
      <div className="toolbar__group" role="group" aria-label="Text style">
        <ToolbarButton
          className="tool--text"
          label="Normal text"
          shortcut="Mod-Alt-0"
          active={state.paragraph}
          disabled={off}
          onClick={() => run().setParagraph().run()}
        >
          Text
        </ToolbarButton>
        {HEADINGS.map((level) => (
          <ToolbarButton
            key={level}
            className="tool--text"
            label={`Heading ${level}`}
            shortcut={`Mod-Alt-${level}`}
            active={state.heading === level}
            disabled={off}
            onClick={() => run().toggleHeading({ level }).run()}
          >
            H{level}
          </ToolbarButton>
        ))}
      </div>

      <div className="toolbar__group" role="group" aria-label="Emphasis">
        <ToolbarButton
          label="Bold"
          shortcut="Mod-b"
          active={state.bold}
          disabled={off}
          onClick={() => run().toggleBold().run()}
        >
          <BoldIcon />
        </ToolbarButton>
        <ToolbarButton
          label="Italic"
          shortcut="Mod-i"
          active={state.italic}
          disabled={off}
          onClick={() => run().toggleItalic().run()}
        >
          <ItalicIcon />
        </ToolbarButton>
        <ToolbarButton
          label="Underline"
          shortcut="Mod-u"
          active={state.underline}
          disabled={off}
          onClick={() => run().toggleUnderline().run()}
        >
          <UnderlineIcon />
        </ToolbarButton>
      </div>

      <div className="toolbar__group" role="group" aria-label="Lists and quotes">
        <ToolbarButton
          label="Bulleted list"
          shortcut="Mod-Shift-8"
          active={state.bulletList}
          disabled={off}
          onClick={() => run().toggleBulletList().run()}
        >
          <BulletListIcon />
        </ToolbarButton>
        <ToolbarButton
          label="Numbered list"
          shortcut="Mod-Shift-7"
          active={state.orderedList}
          disabled={off}
          onClick={() => run().toggleOrderedList().run()}
        >
          <OrderedListIcon />
        </ToolbarButton>
        <ToolbarButton
          label="Quotation"
          shortcut="Mod-Shift-b"
          active={state.blockquote}
          disabled={off}
          onClick={() => run().toggleBlockquote().run()}
        >
          <QuoteIcon />
        </ToolbarButton>
      </div>

      <div className="toolbar__group" role="group" aria-label="Link">
        <ToolbarButton
          label={state.link ? 'Edit link' : 'Add link'}
          shortcut="Mod-k"
          active={state.link}
          disabled={off}
          onClick={onLink}
        >
          <LinkIcon />
        </ToolbarButton>
      </div>

      <div className="toolbar__group" role="group" aria-label="Templates">
        <TemplatesMenu editor={editor} disabled={off} />
      </div>

      <RecommendationTools editor={editor} disabled={off} />

      <div className="toolbar__group" role="group" aria-label="History">
        <ToolbarButton
          label="Undo"
          shortcut="Mod-z"
          disabled={off || !state.canUndo}
          onClick={() => run().undo().run()}
        >
          <UndoIcon />
        </ToolbarButton>
        <ToolbarButton
          label="Redo"
          shortcut="Mod-Shift-z"
          disabled={off || !state.canRedo}
          onClick={() => run().redo().run()}
        >
          <RedoIcon />
        </ToolbarButton>
      </div>
    </div>
  );
}
