import type { ReactNode } from 'react';
import { RouteLink } from './RouteLink.tsx';

interface AppHeaderProps {
  /** The page's own heading (a document title); the brand stands alone on the home page. */
  readonly title?: ReactNode;
  readonly children?: ReactNode;
}

export function AppHeader({ title, children }: AppHeaderProps) {
  return (
    <header className="app-header">
      <RouteLink to="/" className="brand" aria-label="Plenary: all documents">
        <span className="brand__mark" aria-hidden="true">
          P
        </span>
        <span className="brand__name">Plenary</span>
      </RouteLink>
      {title !== undefined && (
        <>
          <span className="app-header__divider" aria-hidden="true" />
          <div className="app-header__title">{title}</div>
        </>
      )}
      <div className="app-header__actions">{children}</div>
    </header>
  );
}
