import { useId } from 'react';

interface SelectFieldProps<T extends string> {
  readonly label: string;
  readonly value: T;
  readonly options: ReadonlyArray<{ readonly value: T; readonly label: string }>;
  readonly onChange: (value: T) => void;
  readonly disabled?: boolean;
  /** The label is read to screen readers only (a compact control in a list row). */
  readonly hideLabel?: boolean;
}

/** A labelled drop-down list. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  disabled,
  hideLabel,
}: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className={hideLabel ? 'select-field--compact' : 'field'}>
      <label className={hideLabel ? 'visually-hidden' : 'field__label'} htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className={`field__input${hideLabel ? ' field__input--compact' : ''}`}
        value={value}
        disabled={disabled}
        // The options are exactly the values of T.
        onChange={(event) => onChange(event.target.value as T)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
