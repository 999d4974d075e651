import { describe, expect, it } from 'vitest';
import { introducesQuestions, questionsLabel, splitQuestions } from './guidingQuestions.ts';

describe('questionsLabel', () => {
  it('recognises labels, with the questions that follow on the same line', () => {
    expect(questionsLabel('Guiding questions:')).toBe('');
    expect(questionsLabel('GUIDING QUESTIONS')).toBe('');
    expect(questionsLabel('Questions for discussion –')).toBe('');
    expect(questionsLabel('Possible questions for the panel (indicative):')).toBe('');
    expect(questionsLabel('Guiding questions: Who pays?')).toBe('Who pays?');
  });

  it('does not read sentences as labels', () => {
    expect(questionsLabel('Questions of accountability remain open.')).toBeUndefined();
    expect(
      questionsLabel('The guiding questions for the session will be on how to strengthen IED mitigation?'),
    ).toBeUndefined();
  });
});

describe('introducesQuestions', () => {
  it('recognises a sentence that announces a list of questions', () => {
    expect(introducesQuestions('The panel will address the following questions:')).toBe(true);
    expect(introducesQuestions('The session will cover:')).toBe(false);
  });
});

describe('splitQuestions', () => {
  it('splits questions run together, and keeps text without a question mark whole', () => {
    expect(splitQuestions('How can X be done? What about Y?')).toEqual([
      'How can X be done?',
      'What about Y?',
    ]);
    expect(splitQuestions('Who acts on a shared warning')).toEqual(['Who acts on a shared warning']);
    expect(splitQuestions('Is it "safe?" or not?')).toEqual(['Is it "safe?" or not?']);
  });
});
