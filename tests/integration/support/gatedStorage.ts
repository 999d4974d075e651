import type { Storage } from '@plenary/server';

/** A door that calls wait at until the test opens it; it counts who came. */
export class Gate {
  /** How many calls have reached the gate (whether or not it was open). */
  arrivals = 0;
  private release!: () => void;
  private readonly opened = new Promise<void>((resolve) => {
    this.release = resolve;
  });

  pass(): Promise<void> {
    this.arrivals++;
    return this.opened;
  }

  open(): void {
    this.release();
  }
}

/**
 * Wraps a storage so that loads, commits and compactions wait at gates the test controls: that
 * turns a race (several clients during one load, a client during an unload) into a fixed
 * schedule. Every other method goes straight to `inner`.
 */
export function gatedStorage(inner: Storage, gates: { load?: Gate; append?: Gate; compact?: Gate }): Storage {
  const gated: Partial<Storage> = {
    loadContent: async (id) => {
      await gates.load?.pass();
      return inner.loadContent(id);
    },
    appendUpdates: async (batch) => {
      await gates.append?.pass();
      return inner.appendUpdates(batch);
    },
    compact: async (id, snapshot, uptoSeq, stateVector) => {
      await gates.compact?.pass();
      return inner.compact(id, snapshot, uptoSeq, stateVector);
    },
  };
  // Commits that wait at a gate cannot also be made synchronously: every update then takes the
  // group commit, as with a storage whose commits wait on the network.
  if (gates.append) gated.appendUpdatesNow = undefined;
  return new Proxy(inner, {
    get(target, key) {
      if (key in gated) return gated[key as keyof Storage];
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
