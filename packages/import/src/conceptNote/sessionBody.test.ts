import { describe, expect, it } from 'vitest';
import { toLines } from './lines.ts';
import { parseSessionBody } from './sessionBody.ts';

const body = (text: string) => parseSessionBody(toLines(text));

describe('parseSessionBody', () => {
  it('splits a description from a labelled list of questions, joining wrapped items', () => {
    expect(
      body(
        'The session will map gaps.\n\nGuiding questions:\n- How can missions\n  report needs?\n- What data?',
      ),
    ).toEqual({
      description: 'The session will map gaps.',
      guidingQuestions: ['How can missions report needs?', 'What data?'],
    });
  });

  it('reads every list style: a), (i), 1., •, o', () => {
    for (const [first, second] of [
      ['a)', 'b)'],
      ['(i)', '(ii)'],
      ['1.', '2.'],
      ['•', '•'],
      ['o', 'o'],
    ]) {
      expect(
        body(`Guiding questions:\n${first} Which standards?\n${second} How to meet them?`).guidingQuestions,
        first,
      ).toEqual(['Which standards?', 'How to meet them?']);
    }
  });

  it('reads plain questions after a label or a sentence announcing them', () => {
    expect(
      body('Key questions\nHow can missions adapt to\nchanging threats?\nWhat role for partners?')
        .guidingQuestions,
    ).toEqual(['How can missions adapt to changing threats?', 'What role for partners?']);
    expect(body('The panel will address the following questions:\nWho pays?').guidingQuestions).toEqual([
      'Who pays?',
    ]);
    expect(body('Guiding questions: How can X be done? What about Y?').guidingQuestions).toEqual([
      'How can X be done?',
      'What about Y?',
    ]);
  });

  it('takes an unlabelled list of questions at the end of a paragraph as guiding questions', () => {
    expect(body('Some description.\n- Where should training happen?\n- Who pays?')).toEqual({
      description: 'Some description.',
      guidingQuestions: ['Where should training happen?', 'Who pays?'],
    });
  });

  it('keeps a list that is not questions in the description, one item per line', () => {
    expect(body('The session will cover:\n- medical standards;\n- evacuation.').description).toBe(
      'The session will cover:\n- medical standards;\n- evacuation.',
    );
  });

  it('returns to the description after the questions', () => {
    expect(body('Guiding questions:\n- Who?\n\nSpeakers will then respond.')).toEqual({
      description: 'Speakers will then respond.',
      guidingQuestions: ['Who?'],
    });
  });

  it('keeps "Moderator:" lines on their own line and drops time-only lines', () => {
    expect(
      body('10:00 – 11:30\nModerator: Ambassador X\nThe session will look at early warning.').description,
    ).toBe('Moderator: Ambassador X\nThe session will look at early warning.');
  });

  it('rejoins a sentence cut by a page break, and keeps real paragraphs apart', () => {
    expect(body('support that would\n\nhelp them deploy.\n\nA new paragraph.').description).toBe(
      'support that would help them deploy.\n\nA new paragraph.',
    );
  });

  it('reads short headings about questions as labels', () => {
    expect(body('Text.\n\nKey questions to be addressed:\n- Who?\n- How?')).toEqual({
      description: 'Text.',
      guidingQuestions: ['Who?', 'How?'],
    });
  });

  it('does not take a sentence about questions for a label', () => {
    expect(body('Questions of accountability remain open.').description).toBe(
      'Questions of accountability remain open.',
    );
  });
});
