/**
 * The body's top-level parts as structure sees them, and the pure arithmetic of keeping the
 * per-session findings parts in programme order. Works on plain data so that it can be tested
 * without a Y.Doc or an editor; `sessionOps.ts` applies the results to the Y.Doc.
 */
export interface BodyPart {
  /** ProseMirror node name: "section", "titleBlock", "paragraph" ... */
  readonly type: string;
  /** The section kind, for sections. */
  readonly kind: string | null;
  /** The session a per-session findings part belongs to. */
  readonly sessionId: string | null;
}

/** Kinds that close a summary: the first findings part goes before the first of these. */
const CLOSING_KINDS = new Set(['conclusions', 'recommendations', 'key-takeaways', 'wrap-up', 'annex']);

export function isFindingsPart(part: BodyPart): part is BodyPart & { sessionId: string } {
  return (
    part.type === 'section' &&
    part.kind === 'session-findings' &&
    typeof part.sessionId === 'string' &&
    part.sessionId !== ''
  );
}

/**
 * The order the body should have: `result[k]` is the current index of the part that belongs at
 * position k. Findings parts of known sessions trade places among themselves (their positions
 * are "slots") so that they follow the sessions' order; every other part stays where it is,
 * including a findings part whose session is gone (someone removed it while another wrote in
 * its part: its text is kept, in place, for a person to deal with). Several parts of one
 * session keep their relative order.
 */
export function arrangeFindings(parts: readonly BodyPart[], sessionIds: readonly string[]): number[] {
  const rank = new Map<string, number>();
  sessionIds.forEach((id, index) => {
    if (!rank.has(id)) rank.set(id, index);
  });
  const slots: number[] = [];
  parts.forEach((part, index) => {
    if (isFindingsPart(part) && rank.has(part.sessionId)) slots.push(index);
  });
  const sorted = [...slots].sort((a, b) => {
    const byRank = rank.get(parts[a]!.sessionId!)! - rank.get(parts[b]!.sessionId!)!;
    return byRank !== 0 ? byRank : a - b;
  });
  const order = parts.map((_, index) => index);
  slots.forEach((slot, k) => {
    order[slot] = sorted[k]!;
  });
  return order;
}

/**
 * The parts (by current index) that must move to reach `order`, as few as possible: everything
 * outside one longest increasing subsequence of `order`. Fewer moves matter because a move in
 * a Y.XmlFragment is a delete and the insert of a copy: edits someone makes inside a moved part
 * at that very moment land in the deleted original.
 */
export function partsToMove(order: readonly number[]): Set<number> {
  const keep = longestIncreasingSubsequence(order);
  return new Set(order.filter((value) => !keep.has(value)));
}

/** The values of one longest strictly increasing subsequence (O(n log n) patience sorting). */
function longestIncreasingSubsequence(values: readonly number[]): Set<number> {
  const tails: number[] = []; // index into `values` of the smallest tail of each length
  const previous: number[] = new Array<number>(values.length).fill(-1);
  values.forEach((value, i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]!]! < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  });
  const result = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i !== -1; i = previous[i]!)
    result.add(values[i]!);
  return result;
}

/**
 * Where a new findings part for `sessionId` goes: right after the part of the nearest earlier
 * session that has one, else right before the part of the nearest later session, else before
 * the closing parts (conclusions, recommendations ...), else at the end. `sessionIds` is the
 * programme order and already includes the new session.
 */
export function findingsInsertIndex(
  parts: readonly BodyPart[],
  sessionIds: readonly string[],
  sessionId: string,
): number {
  const position = sessionIds.indexOf(sessionId);
  const lastPartOf = (id: string) =>
    parts.findLastIndex((part) => isFindingsPart(part) && part.sessionId === id);
  const firstPartOf = (id: string) =>
    parts.findIndex((part) => isFindingsPart(part) && part.sessionId === id);
  for (let i = position - 1; i >= 0; i--) {
    const at = lastPartOf(sessionIds[i]!);
    if (at !== -1) return at + 1;
  }
  for (let i = position + 1; i < sessionIds.length; i++) {
    const at = firstPartOf(sessionIds[i]!);
    if (at !== -1) return at;
  }
  const closing = parts.findIndex(
    (part) => part.type === 'section' && part.kind !== null && CLOSING_KINDS.has(part.kind),
  );
  if (closing !== -1) return closing;
  return endIndex(parts);
}

/**
 * The end of the body, but before a trailing empty paragraph: the editor keeps one there (its
 * trailing-node rule) and would add another, as a separate undo step, after a section put last.
 */
function endIndex(parts: readonly BodyPart[]): number {
  const last = parts[parts.length - 1];
  return last && last.type === 'paragraph' ? parts.length - 1 : parts.length;
}
