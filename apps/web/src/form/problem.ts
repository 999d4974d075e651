import { ApiError, NetworkError } from '../api.ts';

/** A failed request in words for the person, ending with a full stop. */
export function problemText(error: unknown, doing: string): string {
  if (error instanceof ApiError) {
    if (error.status === 429) return tooManyAttempts(error.retryAfter);
    // The server's own words say what was wrong ("the current password is wrong").
    if (error.message && !/^\d{3} /.test(error.message)) return sentence(error.message);
    return error.status === 403
      ? `You are not allowed to ${doing}.`
      : `The server refused: you could not ${doing}.`;
  }
  if (error instanceof NetworkError)
    return `The server cannot be reached, so you cannot ${doing} now. Check your connection and try again.`;
  return `Something went wrong: you could not ${doing}.`;
}

/** The rate limit's answer, with how long to wait (from Retry-After). */
export function tooManyAttempts(retryAfterSeconds: number | undefined): string {
  if (retryAfterSeconds === undefined) return 'Too many attempts. Wait a while before trying again.';
  return `Too many attempts. Try again in ${waitText(retryAfterSeconds)}.`;
}

export function waitText(seconds: number): string {
  if (seconds < 60) return seconds <= 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

/** Server messages are lower-case fragments ("wrong email or password"): make them a sentence. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
