// Checkpoints the SQLite write-ahead log of Plenary's database from a thread of its own, so the
// copy into the database file and its fsyncs never block the collaboration event loop
// (sqliteDisk.ts). Plain JavaScript: a worker loads it without the TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 2000');
// The checkpoint fsyncs the log before copying it and the database file after.
db.pragma('synchronous = FULL');

parentPort.on('message', (message) => {
  if (message.type === 'checkpoint') {
    try {
      // PASSIVE: copies what no reader still needs, never waits for the writer.
      db.pragma('wal_checkpoint(PASSIVE)');
      parentPort.postMessage({ type: 'checkpointed' });
    } catch (error) {
      parentPort.postMessage({ type: 'failed', message: String(error && error.message) });
    }
  } else if (message.type === 'close') {
    db.close();
    parentPort.close();
  }
});
