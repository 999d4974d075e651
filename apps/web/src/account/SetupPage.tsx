import { useState } from 'react';
import { TextField } from '../form/TextField.tsx';
import { useSubmission } from '../form/useSubmission.ts';
import { setUp } from './accountApi.ts';
import { signedIn } from './accountStore.ts';
import { AuthLayout } from './AuthLayout.tsx';
import { NewAccountFields, useNewAccount } from './NewAccountFields.tsx';

/** First run: the server has no account yet. The one made here is the administrator. */
export function SetupPage() {
  const account = useNewAccount();
  const [email, setEmail] = useState('');
  const [emailChecked, setEmailChecked] = useState(false);
  const { busy, problem, run } = useSubmission('create the account');
  const emailProblem = emailChecked && !email.includes('@') ? 'Enter your email address.' : null;

  const submit = () => {
    setEmailChecked(true);
    if (!account.check() || !email.includes('@')) return;
    void run(async () =>
      signedIn(await setUp({ name: account.name.trim(), email: email.trim(), password: account.password })),
    );
  };

  return (
    <AuthLayout
      title="Create the first account"
      lead={
        <p>
          This Plenary server has no accounts yet. The first one administers it: it can open every document
          and invite the co-hosts, rapporteurs, secretariat and observers.
        </p>
      }
      problem={problem}
      busy={busy}
      submitLabel={busy ? 'Creating the account…' : 'Create the account'}
      onSubmit={submit}
    >
      <NewAccountFields
        account={account}
        nameHint="Shown next to your cursor and in the list of who is in a document."
      >
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          required
          error={emailProblem}
          value={email}
          onChange={setEmail}
        />
      </NewAccountFields>
    </AuthLayout>
  );
}
