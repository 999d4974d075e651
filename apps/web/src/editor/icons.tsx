import type { ReactNode } from 'react';

/**
 * Icons: 24-unit line drawings in the current text colour, hidden from screen readers. The
 * toolbar's are 18 px; the side panels and menus use smaller, slightly bolder ones.
 */
export function Icon({
  children,
  size = 18,
  strokeWidth = 1.9,
}: {
  readonly children: ReactNode;
  readonly size?: number;
  readonly strokeWidth?: number;
}) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth={strokeWidth}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const BoldIcon = () => (
  <Icon>
    <path d="M7 5h6a3.5 3.5 0 0 1 0 7H7z" strokeWidth="2.4" />
    <path d="M7 12h7a3.5 3.5 0 0 1 0 7H7z" strokeWidth="2.4" />
  </Icon>
);

export const ItalicIcon = () => (
  <Icon>
    <path d="M10 5h8M6 19h8M14.5 5l-5 14" />
  </Icon>
);

export const UnderlineIcon = () => (
  <Icon>
    <path d="M7 4v7a5 5 0 0 0 10 0V4M5 20h14" />
  </Icon>
);

export const BulletListIcon = () => (
  <Icon>
    <path d="M10 6h10M10 12h10M10 18h10" />
    <circle cx="5" cy="6" r="1.2" fill="currentColor" stroke="none" />
    <circle cx="5" cy="12" r="1.2" fill="currentColor" stroke="none" />
    <circle cx="5" cy="18" r="1.2" fill="currentColor" stroke="none" />
  </Icon>
);

export const OrderedListIcon = () => (
  <Icon>
    <path d="M10 6h10M10 12h10M10 18h10" />
    <path d="M4 5l1.5-1v4.5M3.8 8.5h3.2" strokeWidth="1.4" />
    <path d="M4 13.2c0-1 .8-1.6 1.6-1.6s1.5.6 1.5 1.4c0 1.2-3.1 2-3.1 3.5h3.2" strokeWidth="1.4" />
  </Icon>
);

export const QuoteIcon = () => (
  <Icon>
    <path d="M5 6v12" strokeWidth="2.4" />
    <path d="M10 8h9M10 12h9M10 16h6" />
  </Icon>
);

export const LinkIcon = () => (
  <Icon>
    <path d="M10 14a4.5 4.5 0 0 0 6.4.3l2.8-2.8a4.5 4.5 0 0 0-6.4-6.4l-1.3 1.3" />
    <path d="M14 10a4.5 4.5 0 0 0-6.4-.3l-2.8 2.8a4.5 4.5 0 0 0 6.4 6.4l1.3-1.3" />
  </Icon>
);

export const UndoIcon = () => (
  <Icon>
    <path d="M9 14L4 9l5-5" />
    <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
  </Icon>
);

export const RedoIcon = () => (
  <Icon>
    <path d="M15 14l5-5-5-5" />
    <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
  </Icon>
);
