import { describe, expect, it } from 'vitest';
import { bulletOf, isFieldLine, stripInlineMarkup, toLines } from './lines.ts';

describe('toLines', () => {
  it('reads ATX and setext headings with their level, without markers or emphasis', () => {
    expect(toLines('## **Session 1: Title** ##\nIntro\n=====\nBody')).toEqual([
      { text: 'Session 1: Title', level: 2 },
      { text: 'Intro', level: 1 },
      { text: 'Body', level: 0 },
    ]);
  });

  it('turns a programme table into one paragraph per cell, labelling detail columns', () => {
    const table = '| Time | Session | Moderator |\n|---|:---:|---|\n| 09:00 | Session 1: Supply | Ms. A |';
    expect(toLines(table).map((line) => line.text)).toEqual([
      '09:00',
      '',
      'Session 1: Supply',
      '',
      'Moderator: Ms. A',
    ]);
  });

  it('treats thematic breaks as blank lines and strips block quotes', () => {
    expect(toLines('> quoted\n\n---\n\ntext').map((line) => line.text)).toEqual(['quoted', '', 'text']);
  });
});

describe('stripInlineMarkup', () => {
  it('removes emphasis and link syntax but keeps list markers and snake_case', () => {
    expect(stripInlineMarkup('* see *the* [guide](https://x.org/a_b) on __x__ and snake_case_name')).toBe(
      '* see the guide on x and snake_case_name',
    );
  });
});

describe('bulletOf', () => {
  it('recognises the list markers concept notes use', () => {
    for (const line of [
      '- A?',
      '• A?',
      'o A?',
      '1. A?',
      '2) A?',
      '(3) A?',
      'a) A?',
      '(b) A?',
      '(iv) A?',
      'ii. A?',
    ]) {
      expect(bulletOf(line)?.rest, line).toBe('A?');
    }
  });

  it('does not read abbreviations or words as markers', () => {
    expect(bulletOf('e.g. this')).toBeUndefined();
    expect(bulletOf('on the ground')).toBeUndefined();
  });
});

describe('isFieldLine', () => {
  it('recognises short "Label: value" lines only', () => {
    expect(isFieldLine('Moderator: Ambassador X')).toBe(true);
    expect(isFieldLine('The session will focus on the following: training')).toBe(false);
  });
});
