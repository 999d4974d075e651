import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { isFindingsPart } from './bodyParts.ts';
import { sessionLabel } from './format.ts';
import { AddIcon } from './icons.tsx';
import { panelUndoKeyDown } from './panelUndo.ts';
import { SessionCard } from './SessionCard.tsx';
import { addSession, moveSession, removeSession } from './sessionOps.ts';
import { documentUndoManager } from './undoManager.ts';
import type { NumberedRequest } from './useStructurePanels.tsx';
import { useBodyOutline, useSessions } from './useStructureData.ts';

interface SessionsPanelProps {
  readonly doc: Y.Doc;
  /** The latest request to open this panel, maybe at one session (its heading was clicked). */
  readonly request: NumberedRequest | null;
}

interface Removal {
  readonly message: string;
  /** The undo step that removed it: "Undo" is offered while it is still the last one. */
  readonly step: unknown;
}

/**
 * The meeting's sessions, in programme order: add, rename, reorder and remove them. Each has
 * its findings part in the text, which follows it: added in order, moved with it, removed with
 * it (after asking; undo brings both back).
 */
export function SessionsPanel({ doc, request }: SessionsPanelProps) {
  const sessions = useSessions(doc);
  const { parts } = useBodyOutline(doc);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [focus, setFocus] = useState<{ id: string; nonce: number } | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [removal, setRemoval] = useState<Removal | null>(null);
  const [moved, setMoved] = useState<{ id: string; by: -1 | 1 } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  const withPart = new Set(parts.filter(isFindingsPart).map((part) => part.sessionId));

  // Keep focus on the moved session's button (React may move its card's DOM node, which blurs
  // it), or on the other button once it reaches the top or bottom.
  useLayoutEffect(() => {
    if (!moved) return;
    const card = listRef.current?.querySelector(`[data-session-id="${CSS.escape(moved.id)}"]`);
    const buttons = [...(card?.querySelectorAll<HTMLButtonElement>('.session-card__order button') ?? [])];
    const preferred = moved.by < 0 ? buttons[0] : buttons[1];
    (preferred && !preferred.disabled ? preferred : buttons.find((b) => !b.disabled))?.focus();
    setMoved(null);
  }, [moved]);

  useEffect(() => {
    if (!request?.target) return;
    setExpanded((current) => new Set(current).add(request.target!));
    setFocus({ id: request.target, nonce: request.nonce });
  }, [request]);

  // The removed card took focus with it: hand it to "Undo", the likeliest next step.
  useEffect(() => {
    if (removal) undoRef.current?.focus();
  }, [removal]);

  // The "Undo" of a removal disappears once anything else becomes the last thing to undo.
  useEffect(() => {
    if (!removal) return;
    const manager = documentUndoManager(doc);
    const check = () => {
      if (manager.undoStack[manager.undoStack.length - 1] !== removal.step) setRemoval(null);
    };
    manager.on('stack-item-added', check);
    manager.on('stack-item-popped', check);
    return () => {
      manager.off('stack-item-added', check);
      manager.off('stack-item-popped', check);
    };
  }, [doc, removal]);

  const toggle = (id: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const add = () => {
    const id = addSession(doc);
    setExpanded((current) => new Set(current).add(id));
    setFocus({ id, nonce: Date.now() });
    setAnnouncement(`Session ${sessions.length + 1} added, with its findings part in the text.`);
  };

  const move = (index: number, by: -1 | 1) => {
    const session = sessions[index]!;
    moveSession(doc, index, index + by);
    setMoved({ id: session.id, by });
    setAnnouncement(
      `${sessionLabel(index + by + 1, session.title)}: moved ${by < 0 ? 'up' : 'down'}, with its findings part.`,
    );
  };

  const remove = (index: number) => {
    const label = sessionLabel(index + 1, sessions[index]!.title);
    removeSession(doc, index);
    const manager = documentUndoManager(doc);
    setRemoval({ message: `${label} removed.`, step: manager.undoStack[manager.undoStack.length - 1] });
    setAnnouncement(`${label} removed. Undo is available.`);
  };

  return (
    <div className="panel" onKeyDown={panelUndoKeyDown(doc)}>
      <div className="panel__toolbar">
        <p className="panel__lead">
          {sessions.length === 0
            ? 'No sessions yet.'
            : `${sessions.length} session${sessions.length === 1 ? '' : 's'}, in programme order.`}
        </p>
        <button type="button" className="button button--small" onClick={add}>
          <AddIcon /> Add session
        </button>
      </div>

      {removal && (
        <div className="panel__notice" role="status">
          <span>{removal.message}</span>
          <button
            ref={undoRef}
            type="button"
            className="link-button link-button--inline"
            onClick={() => {
              documentUndoManager(doc).undo();
              setRemoval(null);
              setAnnouncement('Session restored, with its findings part.');
            }}
          >
            Undo
          </button>
        </div>
      )}

      {sessions.length > 0 ? (
        <ol ref={listRef} className="session-list" aria-label="Sessions">
          {sessions.map((session, index) => (
            <SessionCard
              // Two entries can share an id after two people moved one session at once.
              key={`${session.id}:${sessions.findIndex((s) => s.id === session.id) === index ? '' : index}`}
              doc={doc}
              session={session}
              number={index + 1}
              count={sessions.length}
              hasPart={withPart.has(session.id)}
              expanded={expanded.has(session.id)}
              onToggle={() => toggle(session.id)}
              onMove={(by) => move(index, by)}
              onRemove={() => remove(index)}
              focusRequest={focus?.id === session.id ? focus.nonce : 0}
            />
          ))}
        </ol>
      ) : (
        <p className="panel__empty">
          Add the meeting’s sessions (panels, break-out sessions) in programme order. Each gets its own
          findings part in the text.
        </p>
      )}

      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
