import { useCallback, useEffect, useState } from 'react';
import { listDocuments, type DocumentSummary } from '../api.ts';
import { formatDateTime } from '../format/time.ts';
import { problemText } from '../form/problem.ts';
import { SelectField } from '../form/SelectField.tsx';
import { TextField } from '../form/TextField.tsx';
import { useSubmission } from '../form/useSubmission.ts';
import { CopyField } from './CopyField.tsx';
import { createToken, listTokens, revokeToken, type ApiToken } from './accountApi.ts';

/**
 * API tokens for scripts and other tools: listed, made (shown once: the server keeps only a
 * hash) and revoked. A token made for one document works on that document only.
 */
export function TokensSection() {
  const [tokens, setTokens] = useState<readonly ApiToken[] | null>(null);
  const [documents, setDocuments] = useState<readonly DocumentSummary[]>([]);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const reload = useCallback(async () => {
    try {
      setTokens(await listTokens());
      setLoadProblem(null);
    } catch (error) {
      setLoadProblem(problemText(error, 'list your tokens'));
    }
  }, []);

  useEffect(() => {
    void reload();
    listDocuments().then(setDocuments, () => setDocuments([]));
  }, [reload]);

  const titleOf = (id: string | null) =>
    id === null
      ? 'All your documents'
      : (documents.find((d) => d.id === id)?.title ?? id) || 'Untitled document';

  const revoke = async (token: ApiToken) => {
    try {
      await revokeToken(token.id);
      setAnnouncement(`Token “${token.name}” revoked.`);
      await reload();
    } catch (error) {
      setAnnouncement(problemText(error, 'revoke the token'));
    }
  };

  return (
    <section className="account-section" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading" className="account-section__title">
        API tokens
      </h2>
      <p className="account-section__lead">
        A token lets a script act as you: <code>Authorization: Bearer &lt;token&gt;</code> on the API, or{' '}
        <code>?token=</code> on the collaboration socket. It has your roles, and cannot manage accounts or
        tokens.
      </p>
      <NewToken documents={documents} onCreated={() => void reload()} />
      {loadProblem && (
        <p className="notice notice--error" role="alert">
          {loadProblem}
        </p>
      )}
      {tokens === null && !loadProblem && <p className="account-section__lead">Loading your tokens…</p>}
      {tokens?.length === 0 && <p className="account-section__lead">You have no tokens.</p>}
      {tokens && tokens.length > 0 && (
        <ul className="token-list" aria-label="Your API tokens">
          {tokens.map((token) => (
            <li key={token.id} className="token-list__item">
              <span className="token-list__name">{token.name}</span>
              <span className="token-list__meta">
                {titleOf(token.documentId)}
                {token.createdAt && ` · made ${formatDateTime(token.createdAt)}`}
                {token.lastUsedAt && ` · last used ${formatDateTime(token.lastUsedAt)}`}
              </span>
              <button
                type="button"
                className="button button--small button--danger"
                aria-label={`Revoke ${token.name}`}
                onClick={() => void revoke(token)}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}

function NewToken({
  documents,
  onCreated,
}: {
  readonly documents: readonly DocumentSummary[];
  readonly onCreated: () => void;
}) {
  const [name, setName] = useState('');
  const [documentId, setDocumentId] = useState('');
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const { busy, problem, setProblem, run } = useSubmission('make a token');

  const submit = () => {
    if (!name.trim()) {
      setProblem('Name the token after what will use it, e.g. “Nightly export”.');
      return;
    }
    void run(async () => {
      const token = await createToken({ name: name.trim(), ...(documentId && { documentId }) });
      setCreated({ name: token.name, token: token.token });
      setName('');
      setDocumentId('');
      onCreated();
    });
  };

  return (
    <>
      <form
        className="token-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) submit();
        }}
      >
        <TextField label="Token name" value={name} onChange={setName} placeholder="e.g. Nightly export" />
        <SelectField
          label="Document"
          value={documentId}
          options={[
            { value: '', label: 'All my documents' },
            ...documents.map((document) => ({
              value: document.id,
              label: document.title || 'Untitled document',
            })),
          ]}
          onChange={setDocumentId}
        />
        <button type="submit" className="button button--primary token-form__submit" disabled={busy}>
          Make token
        </button>
      </form>
      {problem && (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      )}
      {created && (
        <div className="notice token-secret" role="status">
          <p className="notice__text">
            <strong>Token “{created.name}”.</strong> Copy it now: it is not shown again.
          </p>
          <CopyField value={created.token} label={`The new token ${created.name}`} copyLabel="Copy token" />
          <button type="button" className="link-button" onClick={() => setCreated(null)}>
            Done, hide it
          </button>
        </div>
      )}
    </>
  );
}
