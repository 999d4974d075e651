/**
 * Which of the dates in a concept note are the meeting's. Concept notes also date the
 * ministerial, deadlines and past events, so the title block is trusted first, then a "Dates:"
 * label, then a sentence saying the meeting "will take place" on a date.
 */
import { findDateMentions, type DateMention } from './dates.ts';

const DATE_LABEL = /^(?:dates?|when|date and venue|dates and venue|venue and dates?)\s*[:：]\s*(.+)$/i;
const WILL_BE_HELD =
  /\b(?:will (?:take place|be held|be convened|convene|meet)|takes place|is (?:held|scheduled)|to be held|being held|held on)\b/i;

function firstUsable(mentions: readonly DateMention[]): DateMention | undefined {
  return mentions.find((m) => m.start !== undefined) ?? mentions[0];
}

/** The meeting's dates, and whether they were only guessed (the first date in the text). */
export function pickMeetingDates(
  header: string,
  text: string,
): { mention: DateMention; guessed: boolean } | undefined {
  const inHeader = firstUsable(findDateMentions(header));
  if (inHeader) return { mention: inHeader, guessed: false };

  for (const line of text.split('\n')) {
    const label = DATE_LABEL.exec(line);
    const mention = label ? firstUsable(findDateMentions(label[1]!)) : undefined;
    if (mention) return { mention, guessed: false };
  }

  // "The meeting will take place in Accra on 3-4 March 2027"; a sentence about the ministerial
  // ("the Ministerial, to be held in Berlin on 13-14 May") only when nothing else says when.
  const sentences = text.split(/(?<=[.!?])\s+|\n/).filter((s) => WILL_BE_HELD.test(s));
  for (const preferred of [true, false]) {
    for (const sentence of sentences) {
      if (preferred && /\bministerial\b/i.test(sentence)) continue;
      const mention = firstUsable(findDateMentions(sentence));
      if (mention) return { mention, guessed: false };
    }
  }

  const first = firstUsable(findDateMentions(text));
  return first ? { mention: first, guessed: true } : undefined;
}
