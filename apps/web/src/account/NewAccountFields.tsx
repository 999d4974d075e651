import { useState, type ReactNode } from 'react';
import { TextField } from '../form/TextField.tsx';
import { NewPasswordFields } from './NewPasswordFields.tsx';
import { newPasswordProblem } from './passwordRules.ts';

/** The state of a new account's name and password, checked once the form is sent. */
export function useNewAccount() {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [checked, setChecked] = useState(false);
  return {
    name,
    setName,
    password,
    setPassword,
    confirmation,
    setConfirmation,
    nameProblem: checked && !name.trim() ? 'Enter your name as others should see it.' : null,
    passwordProblem: checked ? newPasswordProblem(password, confirmation) : null,
    /** Shows the problems from now on; true when there are none. */
    check(): boolean {
      setChecked(true);
      return name.trim() !== '' && newPasswordProblem(password, confirmation) === null;
    },
  };
}

/** Name, password, and the password again: what makes an account (first run, invitations). */
export function NewAccountFields({
  account,
  nameHint,
  children,
}: {
  readonly account: ReturnType<typeof useNewAccount>;
  readonly nameHint: string;
  /** Between the name and the password (the email, on the first-run page). */
  readonly children?: ReactNode;
}) {
  return (
    <>
      <TextField
        label="Your name"
        autoComplete="name"
        autoFocus
        required
        hint={nameHint}
        error={account.nameProblem}
        value={account.name}
        onChange={account.setName}
      />
      {children}
      <NewPasswordFields
        password={account.password}
        confirmation={account.confirmation}
        onPassword={account.setPassword}
        onConfirmation={account.setConfirmation}
        problem={account.passwordProblem}
      />
    </>
  );
}
