/**
 * A session's lines after its heading, split into its description and its guiding questions.
 */
import { bulletOf, isFieldLine, type Line } from './lines.ts';
import { isTimeOnly } from './sessionHeadings.ts';
import { introducesQuestions, questionsLabel, splitQuestions, startsQuestion } from './guidingQuestions.ts';

export interface SessionBody {
  description: string;
  guidingQuestions: string[];
}

/** A paragraph's lines: wrapped lines joined, list items and "Field: value" lines one per line. */
function paragraphItems(lines: readonly string[]): string[] {
  const items: string[] = [];
  let previousIsField = false;
  for (const line of lines) {
    const own = bulletOf(line) !== undefined || isFieldLine(line);
    if (own || previousIsField || items.length === 0) items.push(line);
    else items[items.length - 1] += ` ${line}`;
    previousIsField = isFieldLine(line);
  }
  return items;
}

const isQuestion = (text: string): boolean => /\?["”’)]?$/.test(text);

/**
 * Paragraphs joined with a blank line, except where a page break cut a sentence in two (the
 * first part ends without punctuation and the second starts in lower case).
 */
function joinParagraphs(paragraphs: readonly string[]): string {
  const out: string[] = [];
  for (const paragraph of paragraphs) {
    const last = out[out.length - 1];
    if (
      last !== undefined &&
      !/[.!?:;)"”’]$/.test(last) &&
      /^\p{Ll}/u.test(paragraph) &&
      !last.includes('\n')
    ) {
      out[out.length - 1] = `${last} ${paragraph}`;
    } else {
      out.push(paragraph);
    }
  }
  return out.join('\n\n');
}

/**
 * The description and guiding questions of a session from the lines under its heading. Questions
 * are a labelled list ("Guiding questions:"), plain questions after a sentence ending in
 * "questions:", or a list at the end of a paragraph whose every item ends with "?".
 */
export function parseSessionBody(lines: readonly Line[]): SessionBody {
  const paragraphs: string[] = [];
  const questions: string[] = [];
  let paragraph: string[] | null = null;
  // Set after a "Guiding questions:" label, until a paragraph that is not a question.
  let inQuestions = false;
  let question: string | null = null;
  let questionBulleted = false;
  let blankBefore = false;

  const endQuestion = (bulleted: boolean): void => {
    if (question === null) return;
    questions.push(...(bulleted ? [question.trim()] : splitQuestions(question)));
    question = null;
  };
  const endParagraph = (): void => {
    if (!paragraph) return;
    const items = paragraphItems(paragraph);
    // A list at the end of a paragraph whose every item is a question: the guiding questions.
    let firstOfList = items.length;
    while (firstOfList > 0 && bulletOf(items[firstOfList - 1]!)) firstOfList--;
    const list = items.slice(firstOfList);
    if (list.length > 0 && list.every((item) => isQuestion(item))) {
      questions.push(...list.map((item) => bulletOf(item)!.rest));
      items.length = firstOfList;
    }
    if (items.length > 0) paragraphs.push(items.join('\n'));
    paragraph = null;
  };

  for (const line of lines) {
    const text = line.text;
    if (text === '') {
      endParagraph();
      endQuestion(questionBulleted);
      blankBefore = true;
      continue;
    }
    // A programme line that is only a time says nothing about the session.
    if (isTimeOnly(text)) continue;

    const label = questionsLabel(text);
    if (label !== undefined) {
      endParagraph();
      endQuestion(questionBulleted);
      inQuestions = true;
      if (label !== '') {
        question = label;
        questionBulleted = false;
        endQuestion(false);
      }
      blankBefore = false;
      continue;
    }

    if (inQuestions) {
      const bullet = bulletOf(text);
      if (bullet) {
        endQuestion(questionBulleted);
        question = bullet.rest;
        questionBulleted = true;
      } else if (question !== null && !blankBefore) {
        // A wrapped question.
        question += ` ${text}`;
        if (!questionBulleted && isQuestion(text)) endQuestion(false);
      } else if (!questionBulleted && (startsQuestion(text) || isQuestion(text))) {
        question = text;
        questionBulleted = false;
        if (isQuestion(text)) endQuestion(false);
      } else {
        endQuestion(questionBulleted);
        inQuestions = false;
      }
      if (inQuestions) {
        blankBefore = false;
        continue;
      }
    }

    paragraph ??= [];
    paragraph.push(text);
    if (introducesQuestions(text)) {
      endParagraph();
      inQuestions = true;
      question = null;
      questionBulleted = false;
    }
    blankBefore = false;
  }
  endParagraph();
  endQuestion(questionBulleted);

  return { description: joinParagraphs(paragraphs), guidingQuestions: questions };
}
