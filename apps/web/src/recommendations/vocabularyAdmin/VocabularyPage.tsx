import { useEffect, useState } from 'react';
import { ApiError } from '../../api.ts';
import { useMe } from '../../account/accountStore.ts';
import { AppHeader } from '../../AppHeader.tsx';
import { useVocabulary } from '../useVocabulary.ts';
import { VOCABULARY_LISTS, type Vocabulary } from '../vocabulary.ts';
import { saveVocabulary } from '../vocabularyApi.ts';
import { TermList } from './TermList.tsx';
import { countChanges, draftProblem, forSaving } from './vocabularyEdit.ts';

type SaveState =
  | { readonly status: 'idle' }
  | { readonly status: 'saving' }
  | { readonly status: 'saved' }
  | { readonly status: 'failed'; readonly message: string };

/**
 * `/vocabulary`: the tag lists rapporteurs choose from. Terms can be added, renamed, retired and
 * restored; ids are shown and never change once saved; nothing is ever deleted, so tags on old
 * recommendations keep their meaning. Edits are a draft until saved (PUT /api/vocabulary, which
 * checks them again). Anyone may edit for now: issue #5 restricts this page to admins.
 */
export function VocabularyPage() {
  const { vocabulary: saved, status, reload, replace } = useVocabulary();
  const isAdmin = useMe().isAdmin;
  const [draft, setDraft] = useState<Vocabulary | null>(null);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const current = draft ?? saved;
  const changes = saved && draft ? countChanges(saved, draft) : 0;
  const problem = draft ? draftProblem(draft) : null;

  useEffect(() => {
    document.title = 'Tag vocabulary · Plenary';
  }, []);

  // Leaving with unsaved edits asks first, as any form should.
  useEffect(() => {
    if (changes === 0) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [changes]);

  const edit = (next: Vocabulary) => {
    setDraft(next);
    if (save.status !== 'saving') setSave({ status: 'idle' });
  };

  const handleSave = async () => {
    if (!draft || problem) return;
    setSave({ status: 'saving' });
    try {
      const result = await saveVocabulary(forSaving(draft));
      replace(result);
      setDraft(null);
      setSave({ status: 'saved' });
    } catch (error) {
      setSave({
        status: 'failed',
        message:
          error instanceof ApiError
            ? `The server did not save the lists: ${error.message}. If someone else saved changes meanwhile, discard yours and reload.`
            : 'The server cannot be reached. Your changes are still here: try again when you are back online.',
      });
    }
  };

  return (
    <div className="app-shell">
      <AppHeader />
      <main className="vocabulary" id="main">
        <div className="vocabulary__intro">
          <h1 className="vocabulary__title">Tag vocabulary</h1>
          <p className="vocabulary__lead">
            The lists rapporteurs tag recommendations with, shared by every summary. Rename a term freely; its
            id never changes. Retire a term instead of deleting it: recommendations that carry it keep it,
            shown as retired, and it is not offered for new ones.
          </p>
          <p className="vocabulary__note">
            {isAdmin
              ? 'Only administrators change these lists; as one, you can.'
              : 'Only administrators change these lists; you can read them.'}
          </p>
        </div>

        {status === 'unavailable' && (
          <div className="notice" role="status">
            <p className="notice__text">
              {saved
                ? 'The server cannot be reached: these are the lists as this device last saw them. Saving needs a connection.'
                : 'The server cannot be reached, and this device has not seen the lists before.'}
            </p>
            <button type="button" className="button button--small" onClick={reload}>
              Try again
            </button>
          </div>
        )}
        {!current && status === 'loading' && <p className="vocabulary__loading">Loading the lists…</p>}

        {current && (
          // The server takes changes from admins only (docs/access.md): for anyone else, the
          // lists only show.
          <fieldset className="vocabulary__lists structure-fields" disabled={!isAdmin}>
            <legend className="visually-hidden">Tag lists</legend>
            {VOCABULARY_LISTS.map((list) => (
              <TermList
                key={list}
                list={list}
                terms={current[list]}
                savedIds={new Set(saved?.[list].map((t) => t.id))}
                problemId={problem?.list === list ? problem.id : null}
                onChange={(terms) => edit({ ...current, [list]: terms })}
              />
            ))}
          </fieldset>
        )}

        <div className={`vocabulary__savebar${changes > 0 || save.status !== 'idle' ? ' is-visible' : ''}`}>
          <p className="vocabulary__savestate" role="status">
            {save.status === 'saving'
              ? 'Saving…'
              : save.status === 'saved' && changes === 0
                ? 'Saved. Editors pick up the new lists when they next focus their window.'
                : changes > 0
                  ? `${changes} unsaved ${changes === 1 ? 'change' : 'changes'}`
                  : ''}
          </p>
          {save.status === 'failed' && (
            <p className="vocabulary__error" role="alert">
              {save.message}
            </p>
          )}
          {problem && changes > 0 && (
            <p className="vocabulary__error" role="alert">
              {problem.message}
            </p>
          )}
          <div className="vocabulary__actions">
            <button
              type="button"
              className="button button--quiet"
              disabled={changes === 0 || save.status === 'saving'}
              onClick={() => {
                setDraft(null);
                setSave({ status: 'idle' });
                reload();
              }}
            >
              Discard changes
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={changes === 0 || problem !== null || save.status === 'saving'}
              onClick={() => void handleSave()}
            >
              Save changes
            </button>
          </div>
        </div>
      </main>
    </div>
  );
}
