import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MAX_NAME_LENGTH, normalizeName, randomUserColor, USER_COLORS, type Identity } from '../identity.ts';

interface IdentityDialogProps {
  /** The identity to edit; absent on a first visit. */
  readonly identity?: Identity;
  readonly onSave: (identity: Identity) => void;
  /** Absent on a first visit: there is nothing sensible to show the others until a name is given. */
  readonly onCancel?: () => void;
}

/**
 * Asks for the name and colour others will see. A native modal <dialog>: focus trapping, the
 * inert background and Escape come from the browser (Chromium, Firefox, Safari 15.4+).
 */
export function IdentityDialog({ identity, onSave, onCancel }: IdentityDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(identity?.name ?? '');
  const [color, setColor] = useState(() => identity?.color ?? randomUserColor());
  const [showError, setShowError] = useState(false);
  const titleId = useId();
  const nameId = useId();
  const hintId = useId();
  const errorId = useId();
  const firstVisit = identity === undefined;
  const normalized = normalizeName(name);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (normalized === '') {
      setShowError(true);
      return;
    }
    onSave({ name: normalized, color });
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape may only dismiss an edit; a first visit has no identity to fall back to.
        event.preventDefault();
        onCancel?.();
      }}
    >
      <form className="dialog__body" onSubmit={handleSubmit} noValidate>
        <h2 id={titleId} className="dialog__title">
          {firstVisit ? 'Welcome to Plenary' : 'Your name and colour'}
        </h2>
        <p className="dialog__lead">
          {firstVisit
            ? 'Before you start: how should your co-authors see you? Your name appears next to your cursor and in the list of who is in the document.'
            : 'Your co-authors see this name and colour next to your cursor and in the list of who is here.'}
        </p>

        <div className="field">
          <label className="field__label" htmlFor={nameId}>
            Your name
          </label>
          <input
            id={nameId}
            className="field__input"
            name="name"
            autoComplete="name"
            autoFocus
            required
            maxLength={MAX_NAME_LENGTH}
            placeholder="e.g. Amina Diallo (Senegal)"
            value={name}
            aria-invalid={showError && normalized === ''}
            aria-describedby={showError && normalized === '' ? errorId : hintId}
            onChange={(event) => setName(event.target.value)}
          />
          {showError && normalized === '' ? (
            <p id={errorId} className="field__error">
              Enter the name your co-authors know you by.
            </p>
          ) : (
            <p id={hintId} className="field__hint">
              Adding your delegation helps others in a large drafting team.
            </p>
          )}
        </div>

        <fieldset className="field swatches">
          <legend className="field__label">Your colour</legend>
          <div className="swatches__options">
            {USER_COLORS.map((option) => (
              <label key={option.value} className="swatch" title={option.label}>
                <input
                  type="radio"
                  name="color"
                  value={option.value}
                  checked={color === option.value}
                  onChange={() => setColor(option.value)}
                  aria-label={option.label}
                />
                <span className="swatch__dot" style={{ backgroundColor: option.value }} aria-hidden="true" />
              </label>
            ))}
          </div>
        </fieldset>

        <div className="identity-preview" aria-hidden="true">
          <span className="identity-preview__text">Preview</span>
          <span className="identity-preview__caret" style={{ borderColor: color }}>
            <span className="identity-preview__label" style={{ backgroundColor: color }}>
              {normalized || 'Your name'}
            </span>
          </span>
        </div>

        <div className="dialog__actions">
          {onCancel && (
            <button type="button" className="button button--quiet" onClick={onCancel}>
              Cancel
            </button>
          )}
          <button type="submit" className="button button--primary">
            {firstVisit ? 'Continue' : 'Save'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
