import * as Y from 'yjs';

/** Bound on parent/origin hops while resolving one struct (a malicious update cannot loop us). */
const MAX_HOPS = 10_000;

/**
 * The names of the root types (`body`, `meeting`, `sessions` ...) an update would change, found
 * without applying it: each inserted item is followed to its parent (through its origin when the
 * encoding left the parent out), each deleted range to the items it covers in `doc`. Returns
 * null when some struct cannot be placed (it refers to content neither in `doc` nor in the
 * update), which callers treat as "could touch anything".
 */
export function rootTypesTouched(doc: Y.Doc, update: Uint8Array): Set<string> | null {
  const { structs, ds } = Y.decodeUpdate(update);
  const byClient = new Map<number, Y.Item[]>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    const list = byClient.get(struct.id.client) ?? [];
    list.push(struct);
    byClient.set(struct.id.client, list);
  }
  const inUpdate = (id: Y.ID): Y.Item | undefined =>
    byClient.get(id.client)?.find((s) => id.clock >= s.id.clock && id.clock < s.id.clock + s.length);
  const inDoc = (id: Y.ID): Y.Item | null => {
    const clientStructs = doc.store.clients.get(id.client);
    const last = clientStructs?.[clientStructs.length - 1];
    if (!last || id.clock >= last.id.clock + last.length) return null;
    const struct = Y.getItem(doc.store, id);
    return struct instanceof Y.Item ? struct : null;
  };

  let hops = 0;
  const rootOf = (start: Y.Item): string | null => {
    let item: Y.Item | undefined | null = start;
    while (item && hops++ < MAX_HOPS) {
      const parent: unknown = item.parent;
      if (typeof parent === 'string') return parent;
      if (parent instanceof Y.AbstractType) {
        // An item of the document: climb its types to the root.
        let type = parent as Y.AbstractType<unknown>;
        while (type._item && hops++ < MAX_HOPS) type = type._item.parent as Y.AbstractType<unknown>;
        return type._item ? null : Y.findRootTypeKey(type);
      }
      // A decoded item names its parent's item by id, or leaves it out when it has an origin.
      const next: Y.ID | null = parent instanceof Y.ID ? parent : (item.origin ?? item.rightOrigin);
      if (!next) return null;
      item = inUpdate(next) ?? inDoc(next);
    }
    return null;
  };

  const roots = new Set<string>();
  for (const items of byClient.values()) {
    for (const item of items) {
      const root = rootOf(item);
      if (root === null) return null;
      roots.add(root);
    }
  }
  for (const [client, deletions] of ds.clients) {
    for (const { clock, len } of deletions) {
      let at = clock;
      while (at < clock + len) {
        const item = inDoc(Y.createID(client, at)) ?? inUpdate(Y.createID(client, at));
        if (!item) {
          // Deleting what the document no longer holds (garbage-collected) changes nothing.
          at++;
          if (hops++ > MAX_HOPS) return null;
          continue;
        }
        const root = rootOf(item);
        if (root === null) return null;
        roots.add(root);
        at = item.id.clock + item.length;
      }
    }
  }
  return roots;
}

/**
 * True when applying `update` would change nothing: every struct is already in `doc` and every
 * deletion already made. A client's sync step 2 always carries its whole delete set, so an
 * observer with nothing new still sends a non-empty update; that is not an attempt to edit.
 */
export function changesNothing(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
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
