import type { ReactNode } from 'react';
import { ariaShortcut, formatShortcut } from './shortcuts.ts';

interface ToolbarButtonProps {
  readonly label: string;
  /** ProseMirror notation, e.g. "Mod-b". */
  readonly shortcut?: string;
  /** Present for toggles (bold, lists): announced as pressed or not. */
  readonly active?: boolean;
  readonly disabled?: boolean;
  readonly onClick: () => void;
  readonly children: ReactNode;
  readonly className?: string;
}

export function ToolbarButton({
  label,
  shortcut,
  active,
  disabled,
  onClick,
  children,
  className,
}: ToolbarButtonProps) {
  const tooltip = shortcut ? `${label} (${formatShortcut(shortcut)})` : label;
  return (
    <button
      type="button"
      className={`tool${className ? ` ${className}` : ''}`}
      aria-label={label}
      aria-pressed={active}
      aria-keyshortcuts={shortcut ? ariaShortcut(shortcut) : undefined}
      data-tooltip={tooltip}
      disabled={disabled}
      // Keep the editor's selection: a mousedown on the button would otherwise move focus.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
