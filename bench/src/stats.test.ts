import { describe, expect, it } from 'vitest';
import { medianMetrics } from './stats.ts';

describe('medianMetrics (--repeat)', () => {
  it('takes each number’s median, an infinite figure counting as the largest', () => {
    const runs = [
      { p50Ms: 0.61, p99Ms: 2.4, edits: 3000 },
      { p50Ms: 0.48, p99Ms: Infinity, edits: 3000 },
      { p50Ms: 0.55, p99Ms: 2.1, edits: 3000 },
    ];
    expect(medianMetrics(runs)).toEqual({ p50Ms: 0.55, p99Ms: 2.4, edits: 3000 });
  });

  it('averages the middle two of an even count', () => {
    expect(medianMetrics([{ x: 1 }, { x: 4 }, { x: 2 }, { x: 10 }])).toEqual({ x: 3 });
  });

  it('takes the most frequent of anything else, the first run’s on a tie', () => {
    const runs = [
      { backToBaseline: false, clientKind: 'light' },
      { backToBaseline: true, clientKind: 'light' },
      { backToBaseline: true, clientKind: 'light' },
    ];
    expect(medianMetrics(runs)).toEqual({ backToBaseline: true, clientKind: 'light' });
    expect(medianMetrics([{ v: 'a' }, { v: 'b' }])).toEqual({ v: 'a' });
  });
});
