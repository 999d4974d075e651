import { useId, useState, type FormEvent } from 'react';
import { LIST_LABELS, type Term, type VocabularyList } from '../vocabulary.ts';
import { idFromLabel, idProblem, labelProblem, MAX_LABEL } from './vocabularyEdit.ts';

interface TermListProps {
  readonly list: VocabularyList;
  readonly terms: readonly Term[];
  /** Ids the server already has: fixed for good. */
  readonly savedIds: ReadonlySet<string>;
  /** A term whose label the server would refuse. */
  readonly problemId: string | null;
  readonly onChange: (terms: Term[]) => void;
}

/** One list of the vocabulary: its terms (label editable, id shown), retire/restore, and "add". */
export function TermList({ list, terms, savedIds, problemId, onChange }: TermListProps) {
  const headingId = useId();
  const active = terms.filter((t) => !t.retired).length;
  const update = (id: string, patch: Partial<Term>) =>
    onChange(
      terms.map((t) => {
        if (t.id !== id) return t;
        const next = { ...t, ...patch };
        if (!next.retired) delete (next as { retired?: boolean }).retired;
        return next;
      }),
    );

  return (
    <section className="term-list" aria-labelledby={headingId}>
      <h2 id={headingId} className="term-list__title">
        {LIST_LABELS[list].plural}
        <span className="term-list__count">
          {active} in use{terms.length > active ? `, ${terms.length - active} retired` : ''}
        </span>
      </h2>
      <table className="term-list__table">
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col" className="term-list__id-col">
              Id
            </th>
            <th scope="col" className="term-list__action-col">
              <span className="rec-sr-only">Retire or restore</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {terms.map((term) => (
            <tr key={term.id} className={term.retired ? 'is-retired' : undefined}>
              <td>
                <div className="term-list__label-cell">
                  <input
                    className="term-list__label"
                    aria-label={`Label of ${term.id}`}
                    aria-invalid={problemId === term.id}
                    maxLength={MAX_LABEL}
                    value={term.label}
                    onChange={(event) => update(term.id, { label: event.target.value })}
                  />
                  {term.retired && <span className="term-list__retired">Retired</span>}
                  {!savedIds.has(term.id) && <span className="term-list__new">New</span>}
                </div>
              </td>
              <td className="term-list__id-col">
                <code className="term-list__id">{term.id}</code>
              </td>
              <td className="term-list__action-col">
                {savedIds.has(term.id) ? (
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    aria-label={`${term.retired ? 'Restore' : 'Retire'} ${term.label}`}
                    onClick={() => update(term.id, { retired: !term.retired })}
                  >
                    {term.retired ? 'Restore' : 'Retire'}
                  </button>
                ) : (
                  // Not saved yet, so nothing can carry it: it may still simply go.
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    aria-label={`Remove new term ${term.label}`}
                    onClick={() => onChange(terms.filter((t) => t.id !== term.id))}
                  >
                    Remove
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AddTermForm list={list} terms={terms} onAdd={(term) => onChange([...terms, term])} />
    </section>
  );
}

function AddTermForm({
  list,
  terms,
  onAdd,
}: {
  list: VocabularyList;
  terms: readonly Term[];
  onAdd: (term: Term) => void;
}) {
  const id = useId();
  const [label, setLabel] = useState('');
  // The id follows the label until someone types one of their own.
  const [customId, setCustomId] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const taken = new Set(terms.map((t) => t.id));
  const termId = customId ?? (label.trim() ? idFromLabel(label, taken) : '');
  const problem = labelProblem(terms, label) ?? idProblem(terms, termId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problem) return;
    onAdd({ id: termId, label: label.trim() });
    setLabel('');
    setCustomId(null);
    setTried(false);
  };

  const singular = LIST_LABELS[list].singular.toLowerCase();
  return (
    <form className="term-list__add" onSubmit={submit} noValidate>
      <div className="field term-list__add-label">
        <label className="field__label" htmlFor={`${id}-label`}>
          New {singular}
        </label>
        <input
          id={`${id}-label`}
          className="field__input"
          maxLength={MAX_LABEL}
          value={label}
          aria-invalid={tried && problem !== null}
          aria-describedby={tried && problem ? `${id}-error` : undefined}
          onChange={(event) => setLabel(event.target.value)}
        />
      </div>
      <div className="field term-list__add-id">
        <label className="field__label" htmlFor={`${id}-id`}>
          Id <span className="term-list__hint">(fixed once saved)</span>
        </label>
        <input
          id={`${id}-id`}
          className="field__input term-list__id-input"
          value={termId}
          spellCheck={false}
          onChange={(event) => setCustomId(event.target.value.toLowerCase())}
        />
      </div>
      <button type="submit" className="button">
        Add
      </button>
      {tried && problem && (
        <p id={`${id}-error`} className="field__error term-list__add-error">
          {problem}
        </p>
      )}
    </form>
  );
}
