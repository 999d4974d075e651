import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { CollabServer } from '../collab/CollabServer.ts';

/**
 * Prometheus metrics of one server (`GET /metrics`). A registry per server, never prom-client's
 * global one, so that two servers in one process (tests) keep their own figures. Counters are
 * read from the core's running totals at scrape time; nothing is added to the editing path.
 */
export function createMetrics(collab: CollabServer): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'plenary_process_' });
  const stats = collab.stats;

  new Gauge({
    name: 'plenary_connections',
    help: 'Open collaboration websockets',
    registers: [registry],
    collect() {
      this.set(collab.connectionCount);
    },
  });
  new Gauge({
    name: 'plenary_documents_loaded',
    help: 'Documents held in memory',
    registers: [registry],
    collect() {
      this.set(collab.loadedDocuments);
    },
  });
  new Gauge({
    name: 'plenary_large_messages_waiting',
    help: 'Large messages (whole documents for joiners) waiting for their turn to be sent',
    registers: [registry],
    collect() {
      this.set(collab.largeMessagesWaiting);
    },
  });
  const totals: Array<[string, string, () => number]> = [
    [
      'plenary_updates_committed_total',
      'Document updates committed to storage (rate() gives updates per second)',
      () => stats.updatesCommitted,
    ],
    ['plenary_bytes_in_total', 'Bytes received on collaboration websockets', () => stats.bytesIn],
    ['plenary_bytes_out_total', 'Bytes sent on collaboration websockets', () => stats.bytesOut],
    ['plenary_messages_in_total', 'Frames received on collaboration websockets', () => stats.messagesIn],
    ['plenary_messages_out_total', 'Frames sent on collaboration websockets', () => stats.messagesOut],
  ];
  for (const [name, help, read] of totals) {
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  }
  new Counter({
    name: 'plenary_errors_total',
    help: 'Errors by kind: close codes sent to clients (MalformedMessage, MessageTooBig, SlowConsumer ...), commit_failed, load_failed',
    labelNames: ['kind'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [kind, count] of stats.errors) this.inc({ kind }, count);
    },
  });
  const commits = new Histogram({
    name: 'plenary_storage_commit_seconds',
    help: 'Duration of each durable commit (one transaction per event-loop turn)',
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  stats.onCommitDuration = (seconds) => commits.observe(seconds);
  return registry;
}
