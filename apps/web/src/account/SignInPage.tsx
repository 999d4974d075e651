import { useState } from 'react';
import { TextField } from '../form/TextField.tsx';
import { useSubmission } from '../form/useSubmission.ts';
import { signIn } from './accountApi.ts';
import { signedIn } from './accountStore.ts';
import { AuthLayout } from './AuthLayout.tsx';

/**
 * Shown in place of any page while nobody is signed in; the address stays, so signing in
 * brings the person back to what they opened.
 */
export function SignInPage({ reason }: { readonly reason?: 'ended' | 'unreachable' }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, problem, setProblem, run } = useSubmission('sign in');

  const submit = () => {
    if (!email.trim() || !password) {
      setProblem('Enter your email address and your password.');
      return;
    }
    void run(async () => signedIn(await signIn({ email: email.trim(), password })));
  };

  return (
    <AuthLayout
      title="Sign in"
      lead={
        reason === 'ended' ? (
          <p role="status">Your session ended. Sign in again to continue where you were.</p>
        ) : reason === 'unreachable' ? (
          <p role="status">The server cannot be reached right now. Check your connection, then sign in.</p>
        ) : (
          <p>Plenary accounts come by invitation: ask a co-host of your meeting for one.</p>
        )
      }
      problem={problem}
      busy={busy}
      submitLabel={busy ? 'Signing in…' : 'Sign in'}
      onSubmit={submit}
    >
      <TextField
        label="Email"
        type="email"
        autoComplete="username"
        autoFocus
        required
        value={email}
        onChange={setEmail}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={setPassword}
      />
    </AuthLayout>
  );
}
