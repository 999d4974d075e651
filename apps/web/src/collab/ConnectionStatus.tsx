import type { ConnectionState, SessionState } from './CollabSession.ts';

const LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  stopped: 'Disconnected',
};

export function unsavedLabel(count: number): string {
  return count === 1 ? '1 change not yet saved' : `${count} changes not yet saved`;
}

function detail({ connection, unsavedChanges }: SessionState): string {
  if (connection === 'connected') return 'All changes saved';
  if (unsavedChanges > 0) return unsavedLabel(unsavedChanges);
  if (connection === 'offline') return 'Edits stay on this device';
  return '';
}

const EXPLANATIONS: Record<ConnectionState, string> = {
  connecting: 'Opening the document on the server.',
  connected: 'Your edits reach your co-authors as you type.',
  reconnecting:
    'The connection to the server was lost. Your edits are kept on this device and sent when it is back.',
  offline:
    'This device has no network. Keep writing: your edits are kept on this device and sent when you are back online.',
  stopped: 'The server ended the connection. Your edits are kept on this device.',
};

/** The connection indicator: where the document stands and how much the server is missing. */
export function ConnectionStatus({ state }: { readonly state: SessionState }) {
  const text = detail(state);
  return (
    <div
      className="connection"
      data-connection={state.connection}
      role="status"
      aria-live="polite"
      title={EXPLANATIONS[state.connection]}
    >
      <span className="connection__dot" aria-hidden="true" />
      <span className="connection__label">{LABELS[state.connection]}</span>
      {text && (
        <span className="connection__detail" data-unsaved={state.unsavedChanges}>
          {text}
        </span>
      )}
    </div>
  );
}
