import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Editor } from '@tiptap/react';
import { usePointerDownOutside } from '../form/usePointerDownOutside.ts';
import { InsertSectionIcon } from '../structure/icons.tsx';
import { useStructure, type Structure } from '../structure/StructureContext.tsx';
import { PALETTE_GROUPS } from './sectionCommands.ts';
import { groupCommands, listSlashCommands, type SlashCommand } from './slashCommands.ts';
import { useCommandContext } from './useCommandContext.ts';

/**
 * The toolbar's templates palette: a menu button (WAI-ARIA menu pattern) listing the section
 * templates. Its items are not buttons, so the toolbar's roving focus passes over them; the
 * menu handles its own keys (arrows, Home/End, Enter/Space, Escape, Tab).
 */
export function TemplatesMenu({
  editor,
  disabled,
}: {
  readonly editor: Editor;
  readonly disabled?: boolean;
}) {
  const structure = useStructure();
  if (!structure) return null;
  return <Menu editor={editor} structure={structure} disabled={disabled} />;
}

function Menu({
  editor,
  structure,
  disabled,
}: {
  readonly editor: Editor;
  readonly structure: Structure;
  readonly disabled?: boolean;
}) {
  const context = useCommandContext(editor, structure);
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const groups = groupCommands(
    listSlashCommands(context).filter((command) => PALETTE_GROUPS.includes(command.group)),
  );
  const ordered = groups.flatMap((group) => group.commands);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };
  const openAt = (index: number) => {
    setHighlight(index);
    setOpen(true);
  };
  const run = (command: SlashCommand) => {
    setOpen(false);
    command.run({ ...context, range: null });
  };

  // Focus follows the highlighted item while the menu is open.
  useEffect(() => {
    if (!open) return;
    menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]')[highlight]?.focus();
  }, [open, highlight]);

  // A click anywhere else closes the menu.
  usePointerDownOutside(open, [menuRef, buttonRef], () => setOpen(false));

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = ordered.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: highlight === last ? 0 : highlight + 1,
      ArrowUp: highlight === 0 ? last : highlight - 1,
      Home: 0,
      End: last,
    };
    if (event.key in moves) setHighlight(moves[event.key]!);
    else if (event.key === 'Enter' || event.key === ' ') run(ordered[highlight]!);
    else if (event.key === 'Escape') close(true);
    else if (event.key === 'Tab') close(false);
    else return;
    // The toolbar's own arrow-key handling must not see these.
    if (event.key !== 'Tab') event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div className="templates-menu">
      <button
        ref={buttonRef}
        type="button"
        className="tool tool--text tool--menu"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-tooltip="Insert a section (or type “/” on an empty line)"
        disabled={disabled}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            openAt(event.key === 'ArrowDown' ? 0 : ordered.length - 1);
          }
        }}
      >
        <InsertSectionIcon />
        Insert
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          className="command-menu templates-menu__popup"
          role="menu"
          aria-label="Insert a section"
          onKeyDown={onMenuKeyDown}
        >
          {groups.map((group) => (
            <div key={group.group} role="group" aria-label={group.group} className="command-menu__group">
              <div className="command-menu__heading" aria-hidden="true">
                {group.group}
              </div>
              {group.commands.map((command) => {
                const index = ordered.indexOf(command);
                return (
                  <div
                    key={command.id}
                    role="menuitem"
                    tabIndex={-1}
                    className="command-menu__item"
                    onMouseMove={() => setHighlight(index)}
                    onClick={() => run(command)}
                  >
                    <span className="command-menu__label">{command.label}</span>
                    {command.description && (
                      <span className="command-menu__description">{command.description}</span>
                    )}
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
