import fs from 'node:fs';

/**
 * Reading another process's resource use from /proc (Linux), so that nothing needs to run
 * inside the server being measured.
 */

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ; 100 on every Linux we run on). */
const TICKS_PER_SECOND = 100;

/** User + system CPU time of `pid`, in milliseconds (10 ms resolution). */
export function cpuTimeMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces; fields after its closing paren are fixed.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}

export interface MemoryStatus {
  /** Resident set size now, bytes. */
  rss: number;
  /** Peak resident set size ("high water mark") since start or the last `resetPeakRss`. */
  peakRss: number;
}

export function memoryStatus(pid: number): MemoryStatus {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => {
    const match = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : NaN;
  };
  return { rss: kb('VmRSS'), peakRss: kb('VmHWM') };
}

/**
 * Resets the peak RSS of `pid` to its current RSS (writing 5 to clear_refs; needs the same
 * user or root). Returns false where the kernel refuses, in which case the peak covers the
 * whole life of the process.
 */
export function resetPeakRss(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** Samples the RSS of `pid` every `intervalMs` and keeps the largest (a check on VmHWM). */
export function watchRss(pid: number, intervalMs = 20): { stop(): number } {
  let peak = 0;
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, memoryStatus(pid).rss);
    } catch {
      // the process exited
    }
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
