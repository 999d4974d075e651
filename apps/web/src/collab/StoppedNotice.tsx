import { CloseCode } from '@plenary/protocol';

const REASONS: Partial<Record<number, string>> = {
  [CloseCode.MalformedMessage]: 'The server could not read a change sent from this browser.',
  [CloseCode.MessageTooBig]: 'A change was larger than the server accepts (for example a very large paste).',
};

/** Shown when the server ended the session with a code after which retrying alone cannot help. */
export function StoppedNotice({ code, onRetry }: { readonly code: number; readonly onRetry: () => void }) {
  return (
    <div className="notice notice--error" role="alert">
      <p className="notice__text">
        <strong>Editing is paused.</strong>{' '}
        {REASONS[code] ?? `The server closed the connection (code ${code}).`} Your edits are kept on this
        device.
      </p>
      <button type="button" className="button button--small" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
