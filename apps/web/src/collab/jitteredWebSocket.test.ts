import { describe, expect, it } from 'vitest';
import { jitterDelay } from './jitteredWebSocket.ts';

describe('jitterDelay', () => {
  it('opens a first connection at once', () => {
    expect(jitterDelay(0, { random: () => 0.99 })).toBe(0);
  });

  it('spreads reconnects over a window that doubles up to the cap', () => {
    expect(jitterDelay(1, { random: () => 0.999 })).toBe(499);
    expect(jitterDelay(3, { random: () => 0.5 })).toBe(1000);
    expect(jitterDelay(10, { random: () => 0.999 })).toBe(7992);
  });

  it('spreads 500 clients over the window rather than one instant', () => {
    const delays = Array.from({ length: 500 }, () => jitterDelay(2));
    const buckets = new Array(10).fill(0);
    for (const d of delays) buckets[Math.min(9, Math.floor(d / 100))]++;
    // Every tenth of the 1 s window gets some clients; none gets most of them.
    expect(Math.min(...buckets)).toBeGreaterThan(10);
    expect(Math.max(...buckets)).toBeLessThan(120);
  });
});
