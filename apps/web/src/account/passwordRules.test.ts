import { describe, expect, it } from 'vitest';
import { newPasswordProblem } from './passwordRules.ts';

describe('newPasswordProblem', () => {
  it('wants at least 10 characters, at most 256, typed the same twice', () => {
    expect(newPasswordProblem('short', 'short')).toBe('Use at least 10 characters.');
    expect(newPasswordProblem('x'.repeat(257), 'x'.repeat(257))).toBe('Use at most 256 characters.');
    expect(newPasswordProblem('correct horse', 'correct house')).toBe('The two passwords differ.');
    expect(newPasswordProblem('correct horse', 'correct horse')).toBeNull();
  });
});
