import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { NumberingControl } from '../numbering/NumberingControl.tsx';
import { useSessions } from '../structure/useStructureData.ts';
import { buildOutline } from './outlineModel.ts';
import { outlineStore } from './outlineStore.ts';

/** The outline pane (issue #3 item 7): parts, sessions and headings; click to jump there. */
export function OutlinePanel({ doc }: { readonly doc: Y.Doc }) {
  const store = outlineStore(doc);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const sessions = useSessions(doc);
  const entries = useMemo(
    () => (snapshot.doc ? buildOutline(snapshot.doc, sessions) : []),
    [snapshot.doc, sessions],
  );

  return (
    <div className="panel outline">
      <NumberingControl doc={doc} />
      {entries.length === 0 ? (
        <p className="panel__empty">The document has no parts yet.</p>
      ) : (
        <nav aria-label="Outline">
          <ul className="outline__list">
            {entries.map((entry) => {
              const current = entry.depth === 0 && entry.part === snapshot.current;
              return (
                <li key={`${entry.pos}:${entry.label}`} className={`outline__entry outline__entry--${entry.kind}`}>
                  <button
                    type="button"
                    className="outline__link"
                    style={{ paddingInlineStart: `${8 + entry.depth * 14}px` }}
                    aria-current={current ? 'location' : undefined}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => store.jumpTo(entry.pos)}
                  >
                    {entry.label}
                  </button>
                </li>
              );
            })}
          </ul>
        </nav>
      )}
    </div>
  );
}
