import type { DocumentState } from '@plenary/protocol';
import { STATE_LABELS } from './labels.ts';

/** Where a document stands: draft, awaiting approval, final. */
export function StateBadge({ state }: { readonly state: DocumentState }) {
  return (
    <span className={`state-badge state-badge--${state}`} data-state={state}>
      {STATE_LABELS[state]}
    </span>
  );
}
