import * as Y from 'yjs';
import { mergedUpdate, type Storage } from '../storage/Storage.ts';
import type { Room } from './Room.ts';

/**
 * Folds a document's update log into one snapshot, stored with its state vector; returns how
 * many of the room's updates since the last snapshot it folded.
 *
 * With one instance, every update of the document passes through its room, so a settled room
 * holds exactly what storage holds: the snapshot is the room's state, encoded at once. Merging
 * the stored log instead took ~30 ms of the event loop per 1,000 keystrokes (docs/benchmarks.md,
 * S1). With several instances, storage may hold updates of others that this room has not
 * received yet, and a snapshot of the room would delete them: the snapshot is built from
 * storage, applied to a scratch doc (not kept as merged bytes) so that deleted content is
 * collected.
 */
export async function foldUpdateLog(storage: Storage, room: Room, singleInstance: boolean): Promise<number> {
  if (singleInstance && room.isSettled && !room.isDormant) {
    // Encoded before anything is awaited: the room may change meanwhile.
    const folded = room.updatesSinceSnapshot;
    const doc = room.doc;
    await storage.compact(room.id, Y.encodeStateAsUpdate(doc), room.lastSeq, Y.encodeStateVector(doc));
    return folded;
  }
  const content = await storage.loadContent(room.id);
  if (content.updates.length === 0) return 0;
  const scratch = new Y.Doc();
  try {
    Y.applyUpdate(scratch, mergedUpdate(content)!);
    await storage.compact(
      room.id,
      Y.encodeStateAsUpdate(scratch),
      content.lastSeq,
      Y.encodeStateVector(scratch),
    );
    return content.updates.length;
  } finally {
    scratch.destroy();
  }
}
