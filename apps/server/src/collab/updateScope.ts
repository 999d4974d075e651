import * as Y from 'yjs';
import type { DecodedUpdate } from './protocol.ts';

/** Bound on the types climbed from one item of the document to its root. */
const MAX_DEPTH = 10_000;
/** Bound on clocks of deletions that fall in no struct, walked one by one. */
const MAX_UNKNOWN_CLOCKS = 10_000;

/** A struct of a document or an update: content (`Item`) or garbage-collected content (`GC`). */
export type Struct = Y.Item | Y.GC;

/**
 * Content on its way into a document but not in it yet: the structs of updates that are
 * committed and relayed and wait to be applied together (`DeferredApply`), decoded as received.
 */
export interface PendingStructs {
  /** The decoded struct that holds `clock` of `client`, if one waits. */
  find(client: number, clock: number): Struct | undefined;
}

/** The struct of `list` (one client's, in clock order, as decoded) that holds `clock`. */
export function structAt(list: readonly Y.AbstractStruct[], clock: number): Struct | undefined {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const struct = list[middle]!;
    if (clock < struct.id.clock) high = middle - 1;
    else if (clock >= struct.id.clock + struct.length) low = middle + 1;
    else return struct instanceof Y.Item || struct instanceof Y.GC ? struct : undefined;
  }
  return undefined;
}

/**
 * Adds `structs` (as decoded: by client, then clock) to `into`, each client's in clock order after
 * those already there, and returns it.
 */
export function groupByClient(
  structs: readonly Y.AbstractStruct[],
  into = new Map<number, Y.AbstractStruct[]>(),
): Map<number, Y.AbstractStruct[]> {
  for (const struct of structs) {
    const list = into.get(struct.id.client);
    if (list) list.push(struct);
    else into.set(struct.id.client, [struct]);
  }
  return into;
}

/** What an inserted item will change: a root's name, nothing (it will be garbage-collected), or unknown. */
type Placement = string | typeof NOTHING | null;
const NOTHING = Symbol('nothing');

/**
 * The names of the root types (`body`, `meeting`, `sessions` ...) an update (decoded:
 * `Y.decodeUpdate`) would change, found without applying it. Each inserted item is followed to
 * its parent, through its origin when the encoding left the parent out; each deleted range to the
 * items it covers; looking in the update, in `pending` (content waiting to be applied to `doc`)
 * and in `doc`. Returns null when some struct cannot be placed (it refers to content found in
 * none of them), which callers treat as "could touch anything".
 *
 * What changes nothing is not counted, as Yjs would not apply it: a deletion of what is deleted
 * already (every sync step 2 carries the client's whole delete set, structure deletions
 * included), a struct the server has received already (in `doc`, in `pending` or waiting in
 * Yjs for what it builds on), and an item next to or inside garbage-collected content (Yjs
 * collects it on arrival). Each item is placed once (an offline session's sync step 2 holds
 * thousands, each built on the one before), and a cycle of origins within the update is unknown.
 */
export function rootTypesTouched(
  doc: Y.Doc,
  { structs, ds }: DecodedUpdate,
  pending?: PendingStructs,
): Set<string> | null {
  const byClient = groupByClient(structs);
  const inDoc = (id: Y.ID): Struct | undefined => {
    if (id.clock >= Y.getState(doc.store, id.client)) return undefined;
    const struct = Y.getItem(doc.store, id) as Y.AbstractStruct;
    return struct instanceof Y.Item || struct instanceof Y.GC ? struct : undefined;
  };
  // In the update itself, in what waits to be applied before it, or in the document.
  const find = (id: Y.ID): Struct | undefined => {
    const list = byClient.get(id.client);
    return (list && structAt(list, id.clock)) ?? pending?.find(id.client, id.clock) ?? inDoc(id);
  };

  const placed = new Map<Y.Item, Placement>();
  const place = (start: Y.Item): Placement => {
    const path: Y.Item[] = [];
    const onPath = new Set<Y.Item>();
    let item = start;
    let result: Placement = null;
    for (;;) {
      const known = placed.get(item);
      if (known !== undefined) {
        result = known;
        break;
      }
      // An origin cycle within the update: nothing Yjs could integrate.
      if (onPath.has(item)) break;
      path.push(item);
      onPath.add(item);
      const parent: unknown = item.parent;
      if (typeof parent === 'string') {
        result = parent;
        break;
      }
      if (parent instanceof Y.AbstractType) {
        // An item of the document: climb its types to the root.
        let type = parent as Y.AbstractType<unknown>;
        for (let depth = 0; type._item && depth < MAX_DEPTH; depth++) {
          type = type._item.parent as Y.AbstractType<unknown>;
        }
        result = type._item ? null : Y.findRootTypeKey(type);
        break;
      }
      // A decoded item names its parent's item by id, or leaves it out when it has an origin.
      const next: Y.ID | null = parent instanceof Y.ID ? parent : (item.origin ?? item.rightOrigin);
      if (!next) break;
      const found = find(next);
      if (found instanceof Y.GC) {
        result = NOTHING;
        break;
      }
      if (!found) break;
      item = found;
    }
    for (const visited of path) placed.set(visited, result);
    return result;
  };

  const roots = new Set<string>();
  const add = (item: Y.Item): boolean => {
    const placement = place(item);
    if (placement === null) return false;
    if (placement !== NOTHING) roots.add(placement);
    return true;
  };
  // The server's own pending structs (updates that wait in Yjs for what they build on), decoded
  // only if some struct of the update is neither in the document nor waiting in `pending`.
  let yjsPending: Map<number, Y.AbstractStruct[]> | undefined;
  const inYjsPending = (client: number, clock: number): Struct | undefined => {
    const waiting = doc.store.pendingStructs;
    if (!waiting) return undefined;
    yjsPending ??= groupByClient(Y.decodeUpdate(waiting.update).structs);
    const list = yjsPending.get(client);
    return list && structAt(list, clock);
  };
  // A struct the server has received already changes nothing again (Yjs skips it), whatever it
  // would touch. A sync step 2 carries such structs: updates relayed to the client after the
  // state vector it answers, and another client's update that waits for what it builds on (Yjs
  // puts what waits in its sync replies).
  const received = ({ id, length }: Y.AbstractStruct): boolean => {
    const end = id.clock + length;
    let at = Math.max(id.clock, Y.getState(doc.store, id.client));
    while (at < end) {
      const held = pending?.find(id.client, at) ?? inYjsPending(id.client, at);
      if (!held) return false;
      at = held.id.clock + held.length;
    }
    return true;
  };
  for (const struct of structs) {
    if (struct instanceof Y.Item && !received(struct) && !add(struct)) return null;
  }
  let unknownClocks = 0;
  for (const [client, deletions] of ds.clients) {
    for (const { clock, len } of deletions) {
      let at = clock;
      while (at < clock + len) {
        // The document's copy first: its `deleted` is real (a decoded copy's never is).
        const id = Y.createID(client, at);
        const struct = inDoc(id) ?? find(id);
        if (!struct) {
          // Past what anyone holds of that client: Yjs keeps it until the content arrives.
          if (++unknownClocks > MAX_UNKNOWN_CLOCKS) return null;
          at++;
          continue;
        }
        // Deleting what is deleted already, or collected, changes nothing.
        if (struct instanceof Y.Item && !struct.deleted && !add(struct)) return null;
        at = struct.id.clock + struct.length;
      }
    }
  }
  return roots;
}

/**
 * True when applying an update (decoded: `Y.decodeUpdate`) would change nothing: every struct is
 * already in `doc` and every deletion already made. A client's sync step 2 always carries its
 * whole delete set, so an observer with nothing new still sends a non-empty update; that is not
 * an attempt to edit.
 */
export function changesNothing(doc: Y.Doc, { structs, ds }: DecodedUpdate): boolean {
  for (const struct of structs) {
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return false;
  }
  for (const [client, deletions] of ds.clients) {
    const known = Y.getState(doc.store, client);
    for (const { clock, len } of deletions) {
      let at = clock;
      while (at < Math.min(clock + len, known)) {
        const struct = Y.getItem(doc.store, Y.createID(client, at));
        if (struct instanceof Y.Item && !struct.deleted) return false;
        at = struct.id.clock + struct.length;
      }
      if (clock + len > known) return false;
    }
  }
  return true;
}
