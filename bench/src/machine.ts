import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { percentile } from './stats.ts';

/** What the figures were measured on; written to every results file. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  kernel: string;
  /** 1-minute load average when the run started: other work on the machine skews figures. */
  loadAverageAtStart: number;
  /** Where the systems' databases live, its filesystem, and what one fsync costs there. */
  dataRoot: string;
  dataFilesystem: string;
  fsyncP50Ms: number;
  fsyncP99Ms: number;
}

export function machineInfo(dataRoot: string, fsyncSamples: number): MachineInfo {
  const fsync = probeFsync(dataRoot, fsyncSamples);
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    kernel: `${os.type()} ${os.release()}`,
    loadAverageAtStart: Math.round(os.loadavg()[0]! * 100) / 100,
    dataRoot,
    dataFilesystem: filesystemOf(dataRoot),
    fsyncP50Ms: Math.round(fsync.p50 * 1000) / 1000,
    fsyncP99Ms: Math.round(fsync.p99 * 100) / 100,
  };
}

/**
 * Latency of appending 200 bytes and fdatasync-ing, the unit cost of Plenary's durable
 * commit (SQLite WAL, synchronous=FULL), on the filesystem the databases use.
 */
function probeFsync(dir: string, samples: number): { p50: number; p99: number } {
  const file = path.join(dir, `plenary-bench-fsync-${process.pid}`);
  const fd = fs.openSync(file, 'w');
  const chunk = Buffer.alloc(200, 1);
  const times: number[] = [];
  try {
    for (let i = 0; i < samples; i++) {
      fs.writeSync(fd, chunk);
      const started = performance.now();
      fs.fdatasyncSync(fd);
      times.push(performance.now() - started);
    }
  } finally {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/** Filesystem type of the mount that holds `dir`, from /proc/mounts (Linux). */
function filesystemOf(dir: string): string {
  try {
    const real = fs.realpathSync(dir);
    let best = { mount: '', type: 'unknown' };
    for (const line of fs.readFileSync('/proc/mounts', 'utf8').split('\n')) {
      const [, mount, type] = line.split(' ');
      if (!mount || !type) continue;
      const inside = real === mount || real.startsWith(mount.endsWith('/') ? mount : `${mount}/`);
      if (inside && mount.length > best.mount.length) best = { mount, type };
    }
    return `${best.type} (${best.mount})`;
  } catch {
    return 'unknown';
  }
}
