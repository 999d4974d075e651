import fs from 'node:fs';
import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultVocabulary } from '@plenary/vocabulary';
import type { ExportOptions } from '../model/toExportModel.ts';
import { sampleSummary } from '../testing/sampleSummary.ts';
import type { ExportJob } from './messages.ts';
import { ExportBusyError, ExportFailedError, RenderPool } from './pool.ts';

const options: ExportOptions = { tags: 'show', annexes: [], final: false };
const job = (format: ExportJob['format'], ydoc = sampleSummary({ sessions: 1 })): ExportJob => ({
  format,
  update: Y.encodeStateAsUpdate(ydoc),
  vocabulary: defaultVocabulary(),
  options,
});

let pool: RenderPool | undefined;
afterEach(() => pool?.close());

describe('RenderPool', () => {
  it('queues what it can and refuses the rest with ExportBusyError', async () => {
    pool = new RenderPool({ size: 1, maxQueue: 1 });
    const first = pool.render(job('docx'));
    const second = pool.render(job('hash'));
    await expect(pool.render(job('hash'))).rejects.toBeInstanceOf(ExportBusyError);
    const [docx, hash] = await Promise.all([first, second]);
    expect([...docx.bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // a zip: PK
    expect(hash.bytes.length).toBe(0);
    expect(hash.sha256).toBe(docx.sha256);
  });

  it('abandons a job that runs too long, replacing its worker, and goes on working', async () => {
    pool = new RenderPool({ size: 1, timeoutMs: 1 });
    await expect(
      pool.render(job('docx', sampleSummary({ sessions: 8, paragraphsPerSession: 10 }))),
    ).rejects.toThrow(ExportFailedError);
    await expect(pool.render(job('docx'))).rejects.toThrow(/longer than 1 ms/);
    await pool.close();
    pool = new RenderPool({ size: 1, timeoutMs: 30_000 });
    expect((await pool.render(job('hash'))).sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it.runIf(process.platform === 'linux')(
    'runs its workers below the priority of the event loop',
    async () => {
      /** Nice value of each thread of this process (field 19 of /proc/self/task/<tid>/stat). */
      const niceOfThreads = () =>
        fs.readdirSync('/proc/self/task').map((tid) => {
          const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
          return { tid: Number(tid), nice: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) };
        });
      pool = new RenderPool({ size: 1 });
      await pool.render(job('hash'));
      const threads = niceOfThreads();
      expect(threads.find((t) => t.tid === process.pid)?.nice).toBe(0);
      expect(threads.some((t) => t.nice === 10)).toBe(true);
    },
  );
});
