import type { ReactNode } from 'react';
import { RouteLink } from './RouteLink.tsx';

/** A full-page message (missing document, unknown address) with the way back. */
export function MessagePage({ title, children }: { readonly title: string; readonly children: ReactNode }) {
  return (
    <main className="message-page" id="main">
      <div className="message-page__card">
        <h1 className="message-page__title">{title}</h1>
        <div className="message-page__text">{children}</div>
        <RouteLink to="/" className="button button--primary">
          Go to all documents
        </RouteLink>
      </div>
    </main>
  );
}
