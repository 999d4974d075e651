import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * How busy the client process was during a measurement. All clients share one process (and,
 * on a 2-core machine, one core); a figure measured while it was saturated says as much about
 * the clients as about the server, so every scenario reports this next to its latencies.
 */
export interface ClientLoad {
  /** CPU time of the client process over wall time: 1 = one core fully busy. */
  clientCpu: number;
  /** 99th percentile event-loop delay of the client process, ms. */
  clientLoopP99Ms: number;
}

export function watchClientLoad(): { stop(): ClientLoad } {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const cpu = process.cpuUsage();
  const started = performance.now();
  return {
    stop() {
      histogram.disable();
      const used = process.cpuUsage(cpu);
      const wallMs = performance.now() - started;
      return {
        clientCpu: (used.user + used.system) / 1000 / wallMs,
        clientLoopP99Ms: histogram.percentile(99) / 1e6,
      };
    },
  };
}
