import { AlignmentType, LevelFormat, LevelSuffix, type ILevelsOptions, type INumberingOptions } from 'docx';
import {
  BULLETS,
  HEADING_PATTERNS,
  PLAIN_LIST_PATTERNS,
  SUBPARAGRAPH_PATTERNS,
  type Pattern,
} from '@plenary/schema';

/** One centimetre in twips (Word's unit: 1/20 pt): the width of the UN number column. */
export const CM = 567;

/**
 * Word-native numbering: Word counts paragraphs, headings and list items itself with these
 * definitions (word/numbering.xml), so a ministry that inserts a paragraph gets the following
 * ones renumbered, as it would in its own template. The patterns are the ones the PDF prints
 * (numbering.ts), so both formats number alike.
 */
export const NUMBERING = {
  paragraphs: 'un-paragraphs',
  headings: 'un-headings',
  subparagraphs: 'un-subparagraphs',
  plainOrdered: 'ordered-list',
  bullets: 'bullet-list',
} as const;

function levelFormat(pattern: Pattern): {
  format: (typeof LevelFormat)[keyof typeof LevelFormat];
  text: (n: number) => string;
} {
  switch (pattern) {
    case '1.':
      return { format: LevelFormat.DECIMAL, text: (n) => `%${n}.` };
    case '(a)':
      return { format: LevelFormat.LOWER_LETTER, text: (n) => `(%${n})` };
    case '(i)':
      return { format: LevelFormat.LOWER_ROMAN, text: (n) => `(%${n})` };
    case 'a.':
      return { format: LevelFormat.LOWER_LETTER, text: (n) => `%${n}.` };
    case 'i.':
      return { format: LevelFormat.LOWER_ROMAN, text: (n) => `%${n}.` };
    case 'I.':
      return { format: LevelFormat.UPPER_ROMAN, text: (n) => `%${n}.` };
    case 'A.':
      return { format: LevelFormat.UPPER_LETTER, text: (n) => `%${n}.` };
  }
}

/** Levels for a list of patterns by depth; `left` is where level 0's text starts. */
function levels(
  patterns: readonly Pattern[],
  left: (depth: number) => number,
  start = 1,
  startLevel = 0,
): ILevelsOptions[] {
  return patterns.map((pattern, level) => {
    const { format, text } = levelFormat(pattern);
    return {
      level,
      format,
      text: text(level + 1),
      start: level === startLevel ? start : 1,
      alignment: AlignmentType.LEFT,
      suffix: LevelSuffix.TAB,
      style: { paragraph: { indent: { left: left(level), hanging: CM } } },
    };
  });
}

const bulletLevels: ILevelsOptions[] = BULLETS.map((bullet, level) => ({
  level,
  format: LevelFormat.BULLET,
  text: bullet,
  alignment: AlignmentType.LEFT,
  suffix: LevelSuffix.TAB,
  style: { paragraph: { indent: { left: CM * (level + 2), hanging: CM / 2 } } },
}));

/**
 * The definitions a document needs. Ordered lists that start at another number than 1 get a
 * definition of their own (`ordered-list@3`): in Word the start is part of the definition.
 */
export class NumberingRegistry {
  private readonly starts = new Map<
    string,
    { base: 'subparagraphs' | 'plainOrdered'; start: number; depth: number }
  >();
  private instances = 0;

  /** A new list (Word restarts counting for each instance). */
  nextInstance(): number {
    return ++this.instances;
  }

  orderedReference(subparagraphs: boolean, start: number, depth: number): string {
    const base = subparagraphs ? 'subparagraphs' : 'plainOrdered';
    if (start === 1) return NUMBERING[base];
    const reference = `${NUMBERING[base]}@${depth}:${start}`;
    this.starts.set(reference, { base, start, depth });
    return reference;
  }

  options(): INumberingOptions {
    const sub = (depth: number) => CM * (depth + 2);
    const plain = (depth: number) => CM * (depth + 1);
    return {
      config: [
        { reference: NUMBERING.paragraphs, levels: levels(['1.'], () => CM) },
        { reference: NUMBERING.headings, levels: levels(HEADING_PATTERNS, () => CM) },
        { reference: NUMBERING.subparagraphs, levels: levels(SUBPARAGRAPH_PATTERNS, sub) },
        { reference: NUMBERING.plainOrdered, levels: levels(PLAIN_LIST_PATTERNS, plain) },
        { reference: NUMBERING.bullets, levels: bulletLevels },
        ...[...this.starts].map(([reference, { base, start, depth }]) => ({
          reference,
          levels:
            base === 'subparagraphs'
              ? levels(SUBPARAGRAPH_PATTERNS, sub, start, depth)
              : levels(PLAIN_LIST_PATTERNS, plain, start, depth),
        })),
      ],
    };
  }
}
