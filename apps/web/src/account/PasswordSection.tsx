import { useState } from 'react';
import { TextField } from '../form/TextField.tsx';
import { useSubmission } from '../form/useSubmission.ts';
import { changePassword } from './accountApi.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { newPasswordProblem } from './passwordRules.ts';

/** Current password, then the new one twice. The server ends the account's other sessions. */
export function PasswordSection() {
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState(false);
  const { busy, problem, run } = useSubmission('change your password');
  const passwordProblem = checked ? newPasswordProblem(password, confirmation) : null;

  const submit = () => {
    setChecked(true);
    setDone(false);
    if (!current || newPasswordProblem(password, confirmation)) return;
    void run(async () => {
      await changePassword({ currentPassword: current, newPassword: password });
      setCurrent('');
      setPassword('');
      setConfirmation('');
      setChecked(false);
      setDone(true);
    });
  };

  return (
    <section className="account-section" aria-labelledby="password-heading">
      <h2 id="password-heading" className="account-section__title">
        Password
      </h2>
      <form
        className="account-section__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) submit();
        }}
      >
        <TextField
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          error={checked && !current ? 'Enter your current password.' : null}
          value={current}
          onChange={setCurrent}
        />
        <NewPasswordFields
          label="New password"
          password={password}
          confirmation={confirmation}
          onPassword={setPassword}
          onConfirmation={setConfirmation}
          problem={passwordProblem}
        />
        {problem && (
          <p className="notice notice--error" role="alert">
            {problem}
          </p>
        )}
        <p role="status" className="account-section__status">
          {done ? 'Password changed. Other devices signed in to this account have to sign in again.' : ''}
        </p>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}
