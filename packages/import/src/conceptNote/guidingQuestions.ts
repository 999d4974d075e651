/**
 * The questions a session puts to its panel: a "Guiding questions:" label (or a sentence ending
 * "the following questions:") followed by bulleted, numbered or plain lines, or a bulleted list
 * whose every item is a question.
 */

const LABEL = new RegExp(
  '^(?:the\\s+)?(?:(?:guiding|key|possible|suggested|proposed|indicative|leading|discussion|framing|main|some)\\s+)?' +
    'questions?(?:\\s+(?:for|to)\\s+(?:the\\s+)?(?:discussions?|consideration|session|panel|panellists|panelists|speakers|reflection|debate|participants))?' +
    '(?:\\s+(?:include|are|will be|could be|may include))?(?:\\s*\\([^)]{0,60}\\))?\\s*(?:[:\\u2013\\u2014-]\\s*(.*))?$',
  'i',
);

/**
 * The label's own text after the colon ("" when the questions follow on the next lines), or
 * undefined when `line` is not a label. "Questions of accountability remain ..." is not one:
 * a label is the whole line, or ends in a colon or a dash.
 */
// A short heading line about questions: "Key questions to be addressed:", "Questions for the panel –".
const SHORT_LABEL = /^[\p{L} ]{0,30}\bquestions?\b[\p{L}' ]{0,40}[:\u2013\u2014-]$/iu;

export function questionsLabel(line: string): string | undefined {
  if (line.length > 400) return undefined;
  if (line.length <= 70 && SHORT_LABEL.test(line)) return '';
  const match = LABEL.exec(line);
  if (!match) return undefined;
  const rest = match[1];
  if (rest === undefined) return /[:\u2013\u2014-]$/.test(line) || /questions?$/i.test(line) ? '' : undefined;
  return rest.trim();
}

/** "The panel will address the following questions:" opens a list of questions too. */
export function introducesQuestions(line: string): boolean {
  return /\bquestions?\b[^.?!]{0,40}:$/i.test(line);
}

// Words that open a question, for plain (unbulleted) questions wrapped over several lines.
const INTERROGATIVE =
  /^(?:how|what|which|why|when|where|who|whom|whose|in what|to what|is|are|can|could|should|would|do|does|did|has|have|will|may|might|must|shall)\b/i;

export function startsQuestion(line: string): boolean {
  return INTERROGATIVE.test(line);
}

/**
 * "How can X? What about Y?" → two questions. Splits only where a question mark is followed by
 * a capital, so no text is ever dropped; text without a question mark stays whole.
 */
export function splitQuestions(text: string): string[] {
  return text
    .split(/(?<=\?["”’)]?)\s+(?=["“‘(]?\p{Lu})/u)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
