import { useEffect, useId, useState, type KeyboardEvent, type Ref } from 'react';
import { filterTerms } from './termFilter.ts';
import { offeredTerms, type Term } from './vocabulary.ts';

interface TermPickerProps {
  /** "Themes", "Addressees". */
  readonly label: string;
  readonly terms: readonly Term[];
  readonly selected: readonly string[];
  readonly onToggle: (id: string, selected: boolean) => void;
  readonly inputRef?: Ref<HTMLInputElement>;
}

const PAGE = 5;

/**
 * Several terms from one list, by keyboard alone: type to filter, arrows to move, Enter (or
 * Space, before anything is typed) to tick or untick. The WAI-ARIA combobox pattern with an
 * always-open multi-select listbox: focus stays in the filter field, the active option is
 * announced through aria-activedescendant. Retired terms are offered only to be removed.
 */
export function TermPicker({ label, terms, selected, onToggle, inputRef }: TermPickerProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const baseId = useId();
  const inputId = `${baseId}-input`;
  const listId = `${baseId}-list`;
  const options = filterTerms(offeredTerms(terms, selected), query);
  const activeIndex = Math.min(active, options.length - 1);
  const activeOption = options[activeIndex];
  const optionId = (term: Term) => `${baseId}-${term.id}`;

  const activeDomId = activeOption ? optionId(activeOption) : undefined;

  useEffect(() => {
    if (activeDomId) document.getElementById(activeDomId)?.scrollIntoView({ block: 'nearest' });
  }, [activeDomId]);

  const toggle = (term: Term) => onToggle(term.id, !selected.includes(term.id));

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const move = (to: number) => {
      event.preventDefault();
      setActive(Math.max(0, Math.min(options.length - 1, to)));
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(activeIndex + 1);
      case 'ArrowUp':
        return move(activeIndex - 1);
      case 'PageDown':
        return move(activeIndex + PAGE);
      case 'PageUp':
        return move(activeIndex - PAGE);
      case 'Enter':
        event.preventDefault();
        if (activeOption) toggle(activeOption);
        return;
      case ' ':
        // Space ticks only before anything is typed; after, it separates the words typed.
        if (query === '') {
          event.preventDefault();
          if (activeOption) toggle(activeOption);
        }
        return;
      default:
        return;
    }
  };

  return (
    <div className="term-picker">
      <label className="term-picker__label" htmlFor={inputId}>
        {label}
        <span className="term-picker__count" aria-label={`${selected.length} chosen`}>
          {selected.length}
        </span>
      </label>
      <input
        ref={inputRef}
        id={inputId}
        className="term-picker__filter"
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeDomId}
        autoComplete="off"
        spellCheck={false}
        placeholder="Type to filter…"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={handleKeyDown}
      />
      <ul
        id={listId}
        className="term-picker__list"
        role="listbox"
        aria-multiselectable="true"
        aria-label={label}
      >
        {options.map((term, index) => {
          const isSelected = selected.includes(term.id);
          return (
            <li
              key={term.id}
              id={optionId(term)}
              role="option"
              aria-selected={isSelected}
              className={`term-picker__option${index === activeIndex ? ' is-active' : ''}`}
              // The filter field keeps the focus; a click only ticks.
              onMouseDown={(event) => event.preventDefault()}
              onMouseMove={() => index !== activeIndex && setActive(index)}
              onClick={() => toggle(term)}
            >
              <span className="term-picker__check" aria-hidden="true" />
              <span className="term-picker__term">{term.label}</span>
              {term.retired && <span className="term-picker__retired">retired</span>}
            </li>
          );
        })}
        {options.length === 0 && (
          <li className="term-picker__empty" role="presentation">
            Nothing matches “{query}”
          </li>
        )}
      </ul>
    </div>
  );
}
