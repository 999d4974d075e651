import { useId, type ReactNode, type Ref } from 'react';

interface PanelFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly placeholder?: string;
  readonly hint?: string;
  readonly multiline?: boolean;
  readonly disabled?: boolean;
  /** Suggestions offered as the person types (a datalist). */
  readonly suggestions?: readonly string[];
  /** Rendered after the input, inside the field (a checkbox beside the venue). */
  readonly children?: ReactNode;
  /** Lets a panel move focus to this field (the sessions panel focuses a new session's title). */
  readonly inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
}

/** A labelled text field of a side panel, written to the shared document as the person types. */
export function PanelField({
  label,
  value,
  onChange,
  placeholder,
  hint,
  multiline,
  disabled,
  suggestions,
  children,
  inputRef,
}: PanelFieldProps) {
  const id = useId();
  const hintId = useId();
  const listId = useId();
  const common = {
    id,
    className: 'field__input field__input--compact',
    value,
    placeholder,
    disabled,
    'aria-describedby': hint ? hintId : undefined,
    ref: inputRef,
  };
  return (
    <div className="field panel-field">
      <label className="field__label panel-field__label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          list={suggestions ? listId : undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
      {suggestions && (
        <datalist id={listId}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      )}
      {children}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}
