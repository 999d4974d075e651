import { useEffect } from 'react';
import type { Me } from './account/accountApi.ts';
import { AccountPage } from './account/AccountPage.tsx';
import { loadAccount, useAccount } from './account/accountStore.ts';
import { InvitePage } from './account/InvitePage.tsx';
import { SetupPage } from './account/SetupPage.tsx';
import { SignInPage } from './account/SignInPage.tsx';
import { AppHeader } from './AppHeader.tsx';
import { DocumentsPage } from './documents/DocumentsPage.tsx';
import { EditorPage } from './editor/EditorPage.tsx';
import { MessagePage } from './MessagePage.tsx';
import { VocabularyPage } from './recommendations/vocabularyAdmin/VocabularyPage.tsx';
import { RegisterPage } from './register/RegisterPage.tsx';
import { useRoute, type Route } from './routes.ts';

export function App() {
  const route = useRoute();
  const account = useAccount();

  useEffect(() => {
    void loadAccount();
  }, []);

  let page;
  if (route.name === 'invite') {
    // An invitation is opened before its account exists.
    page = <InvitePage token={route.token} />;
  } else if (account.status === 'loading') {
    page = (
      <main className="auth-page" id="main" aria-busy="true">
        <p className="auth-page__card" role="status">
          Opening Plenary…
        </p>
      </main>
    );
  } else if (account.status === 'setup') {
    page = <SetupPage />;
  } else if (account.status === 'signedOut') {
    // In place of the page asked for: the address stays, so signing in leads back to it.
    page = <SignInPage reason={account.reason} />;
  } else {
    page = <SignedInPage route={route} me={account.me} />;
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {page}
    </>
  );
}

function SignedInPage({ route, me }: { readonly route: Route; readonly me: Me }) {
  switch (route.name) {
    case 'documents':
      return <DocumentsPage />;
    case 'document':
      return <EditorPage key={route.documentId} documentId={route.documentId} me={me} />;
    case 'register':
      return <RegisterPage />;
    case 'vocabulary':
      return <VocabularyPage />;
    case 'account':
      return <AccountPage me={me} />;
    case 'invite':
    case 'notFound':
      return (
        <div className="app-shell">
          <AppHeader />
          <MessagePage title="Page not found">
            <p>
              There is nothing at this address. Document links look like /d/ followed by the document's id.
            </p>
          </MessagePage>
        </div>
      );
  }
}
