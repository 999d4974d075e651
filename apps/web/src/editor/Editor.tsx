import { useEffect, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import type { CollabSession } from '../collab/CollabSession.ts';
import type { Identity } from '../identity.ts';
import { OpenTagPopover } from '../recommendations/OpenTagPopover.tsx';
import type { RecommendationsController } from '../recommendations/RecommendationsController.ts';
import { SlashMenu } from '../templates/SlashMenu.tsx';
import { editorExtensions } from './editorExtensions.ts';
import { LinkPrompt } from './LinkPrompt.tsx';
import { Toolbar } from './Toolbar.tsx';

interface EditorProps {
  readonly session: CollabSession;
  readonly identity: Identity;
  readonly title: string;
  /** The document's recommendations (issue #4): numbers, chips and the tag popover in the page. */
  readonly recommendations?: RecommendationsController | null;
  /**
   * The person may change the text now (docs/access.md): false for observers and in a final
   * document. The server refuses their updates anyway; a read-only editor makes none.
   */
  readonly editable: boolean;
}

/** The toolbar and the page: Tiptap bound to the session's Y.Doc, with everyone's carets. */
export function Editor({ session, identity, title, recommendations = null, editable }: EditorProps) {
  // Counts link requests (toolbar, Mod-K) so that asking again while open refocuses the prompt.
  const [linkRequest, setLinkRequest] = useState<number | null>(null);
  const openLink = () => setLinkRequest((count) => (count ?? 0) + 1);

  const editor = useEditor(
    {
      extensions: editorExtensions(session, identity, openLink, recommendations),
      editorProps: editorProps(title),
      editable,
    },
    [session, recommendations],
  );

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  useEffect(() => {
    editor.setOptions({ editorProps: editorProps(title) });
  }, [editor, title]);

  useEffect(() => {
    editor.commands.updateUser({ ...identity });
  }, [editor, identity]);

  return (
    <>
      <div className="toolbar-bar">
        <Toolbar editor={editor} onLink={openLink} />
        {editable && linkRequest !== null && (
          <LinkPrompt editor={editor} request={linkRequest} onClose={() => setLinkRequest(null)} />
        )}
      </div>
      <article className="page">
        <EditorContent editor={editor} />
        <SlashMenu editor={editor} />
        {recommendations && (
          <OpenTagPopover controller={recommendations} editor={editor} readOnly={!editable} />
        )}
      </article>
    </>
  );
}

// The sticky header and toolbar cover the top ~130 px of the window: keep the caret clear of them
// when ProseMirror scrolls it into view, or typing at the top of the screen happens unseen.
const STICKY_TOP = 140;

function editorProps(title: string) {
  return {
    attributes: {
      id: 'document-text',
      class: 'page__text',
      'aria-label': `Text of ${title}`,
      spellcheck: 'true',
    },
    scrollThreshold: { top: STICKY_TOP, bottom: 48, left: 0, right: 0 },
    scrollMargin: { top: STICKY_TOP + 24, bottom: 72, left: 0, right: 0 },
  };
}
