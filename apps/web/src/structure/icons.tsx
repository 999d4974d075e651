import type { ReactNode } from 'react';
import { Icon as LineIcon } from '../editor/icons.tsx';

/** Icons of the side panels and menus: the toolbar's line style, smaller. */
function Icon({ children, size = 16 }: { readonly children: ReactNode; readonly size?: number }) {
  return (
    <LineIcon size={size} strokeWidth={2}>
      {children}
    </LineIcon>
  );
}

export const ArrowUpIcon = () => (
  <Icon>
    <path d="M12 19V5M6 11l6-6 6 6" />
  </Icon>
);

export const ArrowDownIcon = () => (
  <Icon>
    <path d="M12 5v14M6 13l6 6 6-6" />
  </Icon>
);

export const RemoveIcon = () => (
  <Icon>
    <path d="M6 6l12 12M18 6L6 18" />
  </Icon>
);

export const AddIcon = () => (
  <Icon>
    <path d="M12 5v14M5 12h14" />
  </Icon>
);

export const ChevronIcon = () => (
  <Icon>
    <path d="M9 6l6 6-6 6" />
  </Icon>
);

export const EditIcon = () => (
  <Icon size={14}>
    <path d="M4 20h4L19 9l-4-4L4 16z" />
    <path d="M13.5 6.5l4 4" />
  </Icon>
);

/** The toolbar's templates menu: a page with a plus. */
export const InsertSectionIcon = () => (
  <Icon size={18}>
    <path d="M6 3h8l4 4v14H6z" />
    <path d="M12 10v7M8.5 13.5h7" />
  </Icon>
);
