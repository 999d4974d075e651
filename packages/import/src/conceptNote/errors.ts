/**
 * Errors of concept-note extraction. Each carries a `code` so that a caller (the REST API)
 * can choose a status without matching on messages: `no-sessions` is the user's document not
 * being a concept note we can read (422), `too-large` is a size refusal (413).
 */
export class ConceptNoteError extends Error {
  readonly code: 'no-sessions' | 'too-large';

  constructor(code: 'no-sessions' | 'too-large', message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** What the extractor looks for, so that the message tells the user how to fix the text. */
export const SESSION_LAYOUTS_LOOKED_FOR: readonly string[] = [
  'lines like "Session 1: Title", "Session 2 – Title", "SESSION II", "Panel III: Title" or "Breakout session 1: Title"',
  'markdown headings like "## Session 1: Title"',
  'numbered lists ("1. Title") under a "Programme", "Agenda", "Sessions" or "Panels" heading',
  '"Day 1" / "Day 2" groupings of such sessions',
];

export class NoSessionsFoundError extends ConceptNoteError {
  readonly lookedFor: readonly string[] = SESSION_LAYOUTS_LOOKED_FOR;

  /** `detail` says what was wrong with the text, e.g. that it is empty. */
  constructor(detail?: string) {
    super(
      'no-sessions',
      `no sessions found${detail ? ` (${detail})` : ''}: looked for ${SESSION_LAYOUTS_LOOKED_FOR.join('; ')}`,
    );
  }
}

export class ConceptNoteTooLargeError extends ConceptNoteError {
  readonly bytes: number;
  readonly limit: number;

  constructor(bytes: number, limit: number) {
    super(
      'too-large',
      `concept note too large: ${bytes} bytes of text, the limit is ${limit} bytes (${limit / 1024 / 1024} MiB); ` +
        'paste the concept note itself, without annexes',
    );
    this.bytes = bytes;
    this.limit = limit;
  }
}
