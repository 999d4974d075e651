import { saveColor, useIdentity, USER_COLORS } from '../identity.ts';
import type { Me } from './accountApi.ts';

/** The colour of one's caret and avatar, a preference of this device. */
export function ColorSection({ me }: { readonly me: Me }) {
  const identity = useIdentity(me);
  return (
    <section className="account-section" aria-labelledby="colour-heading">
      <h2 id="colour-heading" className="account-section__title">
        Your colour
      </h2>
      <fieldset className="field swatches">
        <legend className="field__hint">Your co-authors see your cursor and name in this colour.</legend>
        <div className="swatches__options">
          {USER_COLORS.map((option) => (
            <label key={option.value} className="swatch" title={option.label}>
              <input
                type="radio"
                name="color"
                value={option.value}
                checked={identity.color === option.value}
                onChange={() => saveColor(option.value)}
                aria-label={option.label}
              />
              <span className="swatch__dot" style={{ backgroundColor: option.value }} aria-hidden="true" />
            </label>
          ))}
        </div>
      </fieldset>
    </section>
  );
}
