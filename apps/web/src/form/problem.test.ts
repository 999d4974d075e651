import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../api.ts';
import { problemText, sentence, tooManyAttempts } from './problem.ts';

describe('problemText', () => {
  it("shows the server's message as a sentence", () => {
    expect(problemText(new ApiError(401, 'wrong email or password'), 'sign in')).toBe(
      'Wrong email or password.',
    );
    expect(sentence('Done!')).toBe('Done!');
  });

  it('says how long to wait after too many attempts', () => {
    expect(problemText(new ApiError(429, 'too many attempts', 840), 'sign in')).toBe(
      'Too many attempts. Try again in 14 minutes.',
    );
    expect(tooManyAttempts(45)).toBe('Too many attempts. Try again in 45 seconds.');
    expect(tooManyAttempts(61)).toBe('Too many attempts. Try again in 2 minutes.');
    expect(tooManyAttempts(undefined)).toBe('Too many attempts. Wait a while before trying again.');
  });

  it('tells a dead network from a refusal', () => {
    expect(problemText(new NetworkError('x'), 'sign in')).toMatch(/cannot be reached/);
    expect(problemText(new ApiError(403, '403 Forbidden'), 'remove members')).toBe(
      'You are not allowed to remove members.',
    );
    expect(problemText(new ApiError(403, 'the current password is wrong'), 'change your password')).toBe(
      'The current password is wrong.',
    );
  });
});
