/** How the meeting is held, when the concept note says so. */
export type MeetingFormat = 'in-person' | 'virtual' | 'hybrid';

/** The title block of the chair's summary, as far as the concept note gives it. */
export interface ConceptNoteMeeting {
  title: string | null;
  theme: string | null;
  /** Short names ("Pakistan", "Republic of Korea"), in the order the concept note gives them. */
  coHosts: string[];
  /** As written: "15-16 April 2025". */
  dates: string | null;
  /** ISO yyyy-mm-dd, only when `dates` is a real calendar date or range. */
  startDate?: string;
  endDate?: string;
  /** A city (without its country when the country is a UN Member State), or "virtual". */
  venue: string | null;
  format?: MeetingFormat | null;
}

export interface ConceptNoteSession {
  /** The session's number as the concept note gives it (roman numerals and words converted). */
  number: number;
  /** 1-based day of the meeting, only when the concept note groups sessions by day. */
  day?: number;
  /** The heading as written, before the title: "Session 2", "PANEL III", "Breakout session 1", "1.". */
  label: string;
  title: string;
  /** Paragraphs separated by a blank line; lines of a bulleted list kept one per line. */
  description: string;
  guidingQuestions: string[];
}

export interface ConceptNoteExtraction {
  meeting: ConceptNoteMeeting;
  sessions: ConceptNoteSession[];
  /** Things a person should check: a session number skipped, a title found twice, no date found. */
  warnings: string[];
}
