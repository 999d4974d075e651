import { useEffect } from 'react';
import { AppHeader } from '../AppHeader.tsx';
import type { Me } from './accountApi.ts';
import { ColorSection } from './ColorSection.tsx';
import { PasswordSection } from './PasswordSection.tsx';
import { TokensSection } from './TokensSection.tsx';

/** `/account`: who is signed in, their colour, password and API tokens. */
export function AccountPage({ me }: { readonly me: Me }) {
  useEffect(() => {
    document.title = 'Account · Plenary';
  }, []);
  return (
    <div className="app-shell">
      <AppHeader />
      <main className="account" id="main">
        <h1 className="documents__title">Your account</h1>
        <p className="documents__lead">
          {me.name} · {me.email}
          {me.isAdmin && ' · administrator of this Plenary server'}
        </p>
        <ColorSection me={me} />
        <PasswordSection />
        <TokensSection />
      </main>
    </div>
  );
}
