import { useState } from 'react';
import { AppHeader } from './AppHeader.tsx';
import { DocumentsPage } from './documents/DocumentsPage.tsx';
import { EditorPage } from './editor/EditorPage.tsx';
import { saveIdentity, useIdentity } from './identity.ts';
import { IdentityButton } from './identity/IdentityButton.tsx';
import { IdentityDialog } from './identity/IdentityDialog.tsx';
import { MessagePage } from './MessagePage.tsx';
import { VocabularyPage } from './recommendations/vocabularyAdmin/VocabularyPage.tsx';
import { RegisterPage } from './register/RegisterPage.tsx';
import { useRoute } from './routes.ts';

export function App() {
  const route = useRoute();
  const identity = useIdentity();
  const [editingIdentity, setEditingIdentity] = useState(false);
  const identityControl = identity && (
    <IdentityButton identity={identity} onEdit={() => setEditingIdentity(true)} />
  );

  let page;
  switch (route.name) {
    case 'documents':
      page = <DocumentsPage identityControl={identityControl} />;
      break;
    case 'document':
      // Carets and presence need a name, so the editor waits behind the first-visit dialog.
      page = identity ? (
        <EditorPage
          key={route.documentId}
          documentId={route.documentId}
          identity={identity}
          identityControl={identityControl}
        />
      ) : (
        <div className="app-shell">
          <AppHeader />
        </div>
      );
      break;
    case 'register':
      page = <RegisterPage identityControl={identityControl} />;
      break;
    case 'vocabulary':
      page = <VocabularyPage identityControl={identityControl} />;
      break;
    case 'notFound':
      page = (
        <div className="app-shell">
          <AppHeader>{identityControl}</AppHeader>
          <MessagePage title="Page not found">
            <p>
              There is nothing at this address. Document links look like /d/ followed by the document's id.
            </p>
          </MessagePage>
        </div>
      );
      break;
  }

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      {page}
      {(identity === undefined || editingIdentity) && (
        <IdentityDialog
          identity={identity}
          onSave={(next) => {
            saveIdentity(next);
            setEditingIdentity(false);
          }}
          onCancel={identity ? () => setEditingIdentity(false) : undefined}
        />
      )}
    </>
  );
}
