import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './rateLimit.ts';

describe('FailureLimiter', () => {
  it('blocks a key after the limit until its oldest failure leaves the window', () => {
    let now = 1_000_000;
    const limiter = new FailureLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterMs('a')).toBe(0);
      limiter.fail('a');
      now += 1_000;
    }
    // Failures at 0 s, 1 s, 2 s; now 3 s: blocked until the first is 60 s old.
    expect(limiter.retryAfterMs('a')).toBe(57_000);
    expect(limiter.retryAfterMs('b')).toBe(0);
    now += 57_000;
    expect(limiter.retryAfterMs('a')).toBe(0);
  });

  it('forgets a key on reset', () => {
    const limiter = new FailureLimiter(1, 60_000);
    limiter.fail('a');
    expect(limiter.retryAfterMs('a')).toBeGreaterThan(0);
    limiter.reset('a');
    expect(limiter.retryAfterMs('a')).toBe(0);
  });
});
