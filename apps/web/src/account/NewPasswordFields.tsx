import { TextField } from '../form/TextField.tsx';
import { MAX_PASSWORD_LENGTH, PASSWORD_HINT } from './passwordRules.ts';

/** A new password typed twice; `problem` is shown under the confirmation once the form was sent. */
export function NewPasswordFields({
  password,
  confirmation,
  onPassword,
  onConfirmation,
  problem,
  label = 'Password',
}: {
  readonly password: string;
  readonly confirmation: string;
  readonly onPassword: (value: string) => void;
  readonly onConfirmation: (value: string) => void;
  readonly problem: string | null;
  readonly label?: string;
}) {
  return (
    <>
      <TextField
        label={label}
        type="password"
        autoComplete="new-password"
        required
        maxLength={MAX_PASSWORD_LENGTH}
        hint={PASSWORD_HINT}
        value={password}
        onChange={onPassword}
      />
      <TextField
        label={`Confirm ${label.toLowerCase()}`}
        type="password"
        autoComplete="new-password"
        required
        maxLength={MAX_PASSWORD_LENGTH}
        error={problem}
        value={confirmation}
        onChange={onConfirmation}
      />
    </>
  );
}
