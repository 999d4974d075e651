import type { ReactNode } from 'react';
import { AccountMenu } from './account/AccountMenu.tsx';
import { useAccount } from './account/accountStore.ts';
import { RouteLink } from './RouteLink.tsx';
import { useRoute } from './routes.ts';

interface AppHeaderProps {
  /** The page's own heading (a document title); the brand stands alone on the home page. */
  readonly title?: ReactNode;
  readonly children?: ReactNode;
}

export function AppHeader({ title, children }: AppHeaderProps) {
  const route = useRoute();
  const account = useAccount();
  return (
    <header className="app-header">
      <RouteLink to="/" className="brand" aria-label="Plenary: all documents">
        <span className="brand__mark" aria-hidden="true">
          P
        </span>
        <span className="brand__name">Plenary</span>
      </RouteLink>
      {/* Workspace-wide pages (issue #4). */}
      <nav className="app-nav" aria-label="Workspace">
        <RouteLink
          to="/register"
          className="app-nav__link"
          aria-current={route.name === 'register' ? 'page' : undefined}
        >
          Register
        </RouteLink>
        <RouteLink
          to="/vocabulary"
          className="app-nav__link"
          aria-current={route.name === 'vocabulary' ? 'page' : undefined}
        >
          Vocabulary
        </RouteLink>
      </nav>
      {title !== undefined && (
        <>
          <span className="app-header__divider" aria-hidden="true" />
          <div className="app-header__title">{title}</div>
        </>
      )}
      <div className="app-header__actions">
        {children}
        {account.status === 'signedIn' && <AccountMenu me={account.me} />}
      </div>
    </header>
  );
}
