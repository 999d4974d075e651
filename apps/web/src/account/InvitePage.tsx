import { useEffect, useState } from 'react';
import { ApiError } from '../api.ts';
import { ROLE_LABELS } from '../access/labels.ts';
import { formatDateTime } from '../format/time.ts';
import { problemText } from '../form/problem.ts';
import { useSubmission } from '../form/useSubmission.ts';
import { MessagePage } from '../MessagePage.tsx';
import { documentPath, navigate } from '../routes.ts';
import { acceptInvitation, getInvitation, type InvitationPreview } from './accountApi.ts';
import { signedIn } from './accountStore.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { NewAccountFields, useNewAccount } from './NewAccountFields.tsx';

type Lookup =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly invitation: InvitationPreview }
  /** 410: expired or already used; 404: no such link. */
  | { readonly status: 'gone' | 'unknown' }
  | { readonly status: 'failed'; readonly message: string };

/** `/invite/<token>`: who is invited to what; a name and a password make the account. */
export function InvitePage({ token }: { readonly token: string }) {
  const [lookup, setLookup] = useState<Lookup>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    getInvitation(token, controller.signal).then(
      (invitation) => setLookup({ status: 'ready', invitation }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 410) setLookup({ status: 'gone' });
        else if (error instanceof ApiError && error.status === 404) setLookup({ status: 'unknown' });
        else setLookup({ status: 'failed', message: problemText(error, 'open the invitation') });
      },
    );
    return () => controller.abort();
  }, [token]);

  switch (lookup.status) {
    case 'loading':
      return (
        <main className="auth-page" id="main">
          <p className="auth-page__card" role="status">
            Opening the invitation…
          </p>
        </main>
      );
    case 'gone':
      return (
        <MessagePage title="This invitation can no longer be used">
          <p>
            It has expired (invitations last 7 days) or it was already accepted. Ask whoever invited you to
            send a new one; if you accepted it already, sign in instead.
          </p>
        </MessagePage>
      );
    case 'unknown':
      return (
        <MessagePage title="This invitation does not exist">
          <p>The link may be incomplete. Check it with whoever sent it.</p>
        </MessagePage>
      );
    case 'failed':
      return (
        <MessagePage title="The invitation could not be opened">
          <p>{lookup.message}</p>
        </MessagePage>
      );
    case 'ready':
      return <AcceptForm token={token} invitation={lookup.invitation} />;
  }
}

function AcceptForm({
  token,
  invitation,
}: {
  readonly token: string;
  readonly invitation: InvitationPreview;
}) {
  const account = useNewAccount();
  const { busy, problem, run } = useSubmission('accept the invitation');

  const submit = () => {
    if (!account.check()) return;
    void run(async () => {
      signedIn(await acceptInvitation(token, { name: account.name.trim(), password: account.password }));
      // The invitation's document, when the server names it; else the list, which holds it.
      navigate(invitation.documentId ? documentPath(invitation.documentId) : '/', { replace: true });
    });
  };

  return (
    <AuthLayout
      title="Join Plenary"
      lead={
        <>
          <p>
            <strong>{invitation.email}</strong> is invited
            {invitation.documentTitle !== null && (
              <>
                {' '}
                to <strong>{invitation.documentTitle || 'Untitled document'}</strong>
              </>
            )}
            {invitation.role && <> as {ROLE_LABELS[invitation.role].toLowerCase()}</>}.
          </p>
          {invitation.expiresAt && (
            <p className="auth-page__note">
              The invitation is valid until {formatDateTime(invitation.expiresAt)}.
            </p>
          )}
        </>
      }
      problem={problem}
      busy={busy}
      submitLabel={busy ? 'Creating your account…' : 'Accept and open'}
      onSubmit={submit}
    >
      <NewAccountFields
        account={account}
        nameHint="Your co-authors see it next to your cursor, e.g. Amina Diallo (Senegal)."
      />
    </AuthLayout>
  );
}
