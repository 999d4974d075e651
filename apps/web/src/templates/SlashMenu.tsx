import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useEditorState, type Editor } from '@tiptap/react';
import { useStructure, type Structure } from '../structure/StructureContext.tsx';
import { dismissSlashMenu, slashMenuKey, type SlashMenuState } from './slashMenuPlugin.ts';
import { filterSlashCommands, groupCommands, listSlashCommands, type SlashCommand } from './slashCommands.ts';
import { useCommandContext } from './useCommandContext.ts';

/**
 * The "/" menu: the commands matching what follows the "/", under the caret. Focus stays in
 * the text (the person keeps typing the query); arrow keys move the highlighted command, Enter
 * or Tab runs it, Escape closes the menu. The text announces the highlighted command through
 * aria-activedescendant, as a combobox does.
 */
export function SlashMenu({ editor }: { readonly editor: Editor }) {
  const structure = useStructure();
  const menu = useEditorState({
    editor,
    selector: ({ editor: e }) => slashMenuKey.getState(e.state) ?? null,
  });
  if (!structure || !menu?.active) return null;
  return <OpenSlashMenu editor={editor} menu={menu} structure={structure} />;
}

function OpenSlashMenu({
  editor,
  menu,
  structure,
}: {
  readonly editor: Editor;
  readonly menu: SlashMenuState;
  readonly structure: Structure;
}) {
  const context = useCommandContext(editor, structure);
  const listId = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const [highlight, setHighlight] = useState(0);
  const [position, setPosition] = useState<{ top: number; left: number } | null>(null);
  const groups = groupCommands(filterSlashCommands(listSlashCommands(context), menu.query));
  const ordered = groups.flatMap((group) => group.commands);
  const index = Math.min(highlight, Math.max(0, ordered.length - 1));
  const optionId = (command: SlashCommand) => `${listId}-${command.id}`;

  // A new query starts at the top of the list.
  useEffect(() => setHighlight(0), [menu.query]);

  const run = (command: SlashCommand) => {
    command.run({ ...context, range: { from: menu.from, to: menu.to } });
  };

  // The keys, while the menu shows commands; with none, Enter and the arrows stay the text's.
  const onKeyDown = (event: KeyboardEvent): boolean => {
    if (event.key === 'Escape') {
      editor.view.dispatch(dismissSlashMenu(editor.state));
      return true;
    }
    if (ordered.length === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const by = event.key === 'ArrowDown' ? 1 : -1;
      setHighlight((index + by + ordered.length) % ordered.length);
      return true;
    }
    if (event.key === 'Enter' || event.key === 'Tab') {
      run(ordered[index]!);
      return true;
    }
    return false;
  };
  const keyHandler = useRef(onKeyDown);
  useLayoutEffect(() => {
    keyHandler.current = onKeyDown;
  });

  useLayoutEffect(() => {
    const storage = editor.storage.slashMenu;
    storage.onKeyDown = (event) => keyHandler.current(event);
    return () => {
      storage.onKeyDown = null;
    };
  }, [editor]);

  // Under the "/", relative to the page (which scrolls with the text).
  useLayoutEffect(() => {
    const page = editor.view.dom.closest('.page');
    if (!page) return;
    const caret = editor.view.coordsAtPos(menu.from);
    const box = page.getBoundingClientRect();
    setPosition({ top: caret.bottom - box.top + 6, left: Math.max(8, caret.left - box.left - 6) });
  }, [editor, menu.from]);

  // The text is a combobox for as long as the menu is open.
  const active = ordered[index];
  useEffect(() => {
    const dom = editor.view.dom;
    dom.setAttribute('aria-controls', listId);
    dom.setAttribute('aria-expanded', 'true');
    if (active) dom.setAttribute('aria-activedescendant', optionId(active));
    else dom.removeAttribute('aria-activedescendant');
    return () => {
      dom.removeAttribute('aria-controls');
      dom.removeAttribute('aria-expanded');
      dom.removeAttribute('aria-activedescendant');
    };
  });

  useLayoutEffect(() => {
    if (active)
      listRef.current
        ?.querySelector(`#${CSS.escape(optionId(active))}`)
        ?.scrollIntoView({ block: 'nearest' });
  });

  if (ordered.length === 0 || !position) return null;
  return (
    <div
      ref={listRef}
      id={listId}
      className="command-menu slash-menu"
      role="listbox"
      aria-label="Insert"
      style={position}
    >
      {groups.map((group) => (
        <div
          key={group.group}
          role="group"
          aria-labelledby={`${listId}-${slug(group.group)}`}
          className="command-menu__group"
        >
          <div id={`${listId}-${slug(group.group)}`} className="command-menu__heading" role="presentation">
            {group.group}
          </div>
          {group.commands.map((command) => (
            <div
              key={command.id}
              id={optionId(command)}
              role="option"
              aria-selected={command === active}
              className="command-menu__item"
              // Keep the caret in the text: a mousedown here would move focus.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => setHighlight(ordered.indexOf(command))}
              onClick={() => run(command)}
            >
              <span className="command-menu__label">{command.label}</span>
              {command.description && (
                <span className="command-menu__description">{command.description}</span>
              )}
            </div>
          ))}
        </div>
      ))}
      <div className="command-menu__footer" aria-hidden="true">
        ↑↓ to choose · Enter to insert · Esc to close
      </div>
    </div>
  );
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
