import { useId } from 'react';
import type { Term, Vocabulary } from '../recommendations/vocabulary.ts';
import { NO_REGISTER_FILTERS, type RegisterFilters } from './registerApi.ts';

interface RegisterFiltersFormProps {
  readonly filters: RegisterFilters;
  readonly onChange: (filters: RegisterFilters) => void;
  readonly vocabulary: Vocabulary | null;
}

/** Search and filters of the register; each change applies at once (no submit button). */
export function RegisterFiltersForm({ filters, onChange, vocabulary }: RegisterFiltersFormProps) {
  const id = useId();
  const set = (patch: Partial<RegisterFilters>) => onChange({ ...filters, ...patch });
  const filtering = Object.values(filters).some(Boolean);
  return (
    <form className="register__filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <div className="field register__search">
        <label className="field__label" htmlFor={`${id}-q`}>
          Search
        </label>
        <input
          id={`${id}-q`}
          className="field__input"
          type="search"
          placeholder="Words in a recommendation or its note"
          maxLength={200}
          value={filters.q}
          onChange={(event) => set({ q: event.target.value })}
        />
      </div>
      <TermSelect
        label="Theme"
        all="All themes"
        id={`${id}-theme`}
        terms={vocabulary?.themes}
        value={filters.theme}
        onChange={(theme) => set({ theme })}
      />
      <TermSelect
        label="Addressee"
        all="All addressees"
        id={`${id}-addressee`}
        terms={vocabulary?.addressees}
        value={filters.addressee}
        onChange={(addressee) => set({ addressee })}
      />
      <TermSelect
        label="Status"
        all="All statuses"
        id={`${id}-status`}
        terms={vocabulary?.statuses}
        value={filters.status}
        onChange={(status) => set({ status })}
      />
      <button
        type="button"
        className="button button--quiet register__clear"
        disabled={!filtering}
        onClick={() => onChange(NO_REGISTER_FILTERS)}
      >
        Clear
      </button>
    </form>
  );
}

interface TermSelectProps {
  readonly label: string;
  readonly all: string;
  readonly id: string;
  readonly terms: readonly Term[] | undefined;
  readonly value: string;
  readonly onChange: (value: string) => void;
}

/** Retired terms stay in the list: old recommendations still carry them. */
function TermSelect({ label, all, id, terms, value, onChange }: TermSelectProps) {
  const known = terms?.some((t) => t.id === value) ?? false;
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="field__input register__select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{all}</option>
        {terms?.map((term) => (
          <option key={term.id} value={term.id}>
            {term.label}
            {term.retired ? ' (retired)' : ''}
          </option>
        ))}
        {value && !known && <option value={value}>{value}</option>}
      </select>
    </div>
  );
}
