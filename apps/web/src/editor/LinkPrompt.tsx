import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Editor } from '@tiptap/react';
import { normalizeHref } from './linkHref.ts';

interface LinkPromptProps {
  readonly editor: Editor;
  /** Changes with every request to open the prompt: each one moves focus to the address. */
  readonly request: number;
  readonly onClose: () => void;
}

/**
 * Sets, edits or removes the link at the selection. An inline bar under the toolbar rather than
 * window.prompt, which blocks every tab of the page (and with it the websocket) and cannot
 * explain what is wrong with an address.
 */
export function LinkPrompt({ editor, request, onClose }: LinkPromptProps) {
  const existing = editor.getAttributes('link').href as string | undefined;
  const [value, setValue] = useState(existing ?? '');
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const errorId = useId();

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [request]);

  const close = () => {
    onClose();
    editor.commands.focus();
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const result = normalizeHref(value);
    if (!result.ok) {
      setError(result.reason);
      return;
    }
    const { href } = result;
    const chain = editor.chain().focus();
    if (editor.isActive('link')) {
      chain.extendMarkRange('link').setLink({ href }).run();
    } else if (editor.state.selection.empty) {
      // Nothing selected: insert the address itself as the link text.
      const text = href.startsWith('mailto:') ? href.slice('mailto:'.length) : value.trim();
      chain
        .insertContent({ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] })
        .unsetMark('link')
        .run();
    } else {
      chain.setLink({ href }).run();
    }
    onClose();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    onClose();
  };

  return (
    <form
      className="link-prompt"
      role="group"
      aria-label={existing ? 'Edit link' : 'Add link'}
      onSubmit={apply}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          close();
        }
      }}
      noValidate
    >
      <label className="link-prompt__label" htmlFor={inputId}>
        Link to
      </label>
      <input
        ref={inputRef}
        id={inputId}
        className="field__input link-prompt__input"
        type="text"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        placeholder="https://… or name@example.org"
        value={value}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setError(null);
        }}
      />
      <button type="submit" className="button button--primary button--small">
        {existing ? 'Update' : 'Apply'}
      </button>
      {existing && (
        <button type="button" className="button button--small" onClick={remove}>
          Remove link
        </button>
      )}
      <button type="button" className="button button--quiet button--small" onClick={close}>
        Cancel
      </button>
      {error && (
        <p id={errorId} className="link-prompt__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
