import { useState } from 'react';

/**
 * A value to hand on (a new token, an invitation link): shown read-only, selected on focus,
 * with a copy button. Where the clipboard is refused, it says to copy by hand.
 */
export function CopyField({
  value,
  label,
  copyLabel,
}: {
  readonly value: string;
  readonly label: string;
  readonly copyLabel: string;
}) {
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => setResult('copied'),
      () => setResult('failed'),
    );
  };
  return (
    <div className="copy-field">
      <input
        className="field__input copy-field__value"
        readOnly
        value={value}
        aria-label={label}
        onFocus={(event) => event.target.select()}
      />
      <button type="button" className="button button--small" onClick={copy}>
        {copyLabel}
      </button>
      <span className="copy-field__result" role="status">
        {result === 'copied' ? 'Copied' : result === 'failed' ? 'Select the text and copy it by hand' : ''}
      </span>
    </div>
  );
}
