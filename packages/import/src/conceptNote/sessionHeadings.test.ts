import { describe, expect, it } from 'vitest';
import {
  cleanTitle,
  isInterlude,
  isTimeOnly,
  parseDayHeading,
  parseSessionHeading,
} from './sessionHeadings.ts';

describe('parseSessionHeading', () => {
  it.each([
    ['Session 1: Evolving Challenges', 'Session 1', 1, 'Evolving Challenges'],
    ['Session 2 – The role of technology', 'Session 2', 2, 'The role of technology'],
    ['Session 2 - The role of technology', 'Session 2', 2, 'The role of technology'],
    ['Session 4 —Title after an em dash', 'Session 4', 4, 'Title after an em dash'],
    ['SESSION II', 'SESSION II', 2, ''],
    ['Panel III: Data and prediction', 'Panel III', 3, 'Data and prediction'],
    ['Breakout session 1: Water and land', 'Breakout session 1', 1, 'Water and land'],
    ['Thematic Session 3. Mental health', 'Thematic Session 3', 3, 'Mental health'],
    ['Session One: Policing', 'Session One', 1, 'Policing'],
    ['Second session: Justice', 'Second session', 2, 'Justice'],
    ['10:00 – 11:30 | Session 5: Closing the gaps', 'Session 5', 5, 'Closing the gaps'],
    ['Session 6 (14:00-15:30): Wrap-up', 'Session 6', 6, 'Wrap-up'],
    ['Session 7: “Quoted title”', 'Session 7', 7, 'Quoted title'],
    ['Session 8 Capitalised title without separator', 'Session 8', 8, 'Capitalised title without separator'],
    ['• Session 9: In a bulleted programme', 'Session 9', 9, 'In a bulleted programme'],
    ['3.1 Session 10: Under an outline number', 'Session 10', 10, 'Under an outline number'],
    ['Theme 2: Partnerships', 'Theme 2', 2, 'Partnerships'],
    ['Session 11: Early warning 10:00 – 11:30', 'Session 11', 11, 'Early warning'],
    ['Panel 2 – Early warning (Moderator: Ambassador X)', 'Panel 2', 2, 'Early warning'],
    ['Session 12: Phase 1 - 2', 'Session 12', 12, 'Phase 1 - 2'],
  ])('reads %j', (line, label, number, title) => {
    expect(parseSessionHeading(line)).toMatchObject({ label, number, title });
  });

  it('tells breakout sessions and panels from sessions', () => {
    expect(parseSessionHeading('Break-out Session 2 — Footprint')?.kind).toBe('breakout session');
    expect(parseSessionHeading('Panel discussion 1: Footprint')?.kind).toBe('panel');
    expect(parseSessionHeading('Session 1: Footprint')?.kind).toBe('session');
  });

  it('does not read a sentence about a session as a heading', () => {
    for (const line of [
      'Session 3 will focus on training.',
      'Session 1, 2 and 3 will be chaired by the co-hosts.',
      'Session 2 - the participants will discuss logistics.',
      'Sessions will be held in English.',
      'The session will set the scene.',
      'Session Overview',
      'Session 1.2: A sub-session',
    ]) {
      expect(parseSessionHeading(line), line).toBeNull();
    }
  });
});

describe('parseDayHeading', () => {
  it('reads day headings with or without a date', () => {
    expect(parseDayHeading('Day 1')).toBe(1);
    expect(parseDayHeading('DAY 2 – Thursday, 31 August 2023')).toBe(2);
    expect(parseDayHeading('Day Two: Partnerships')).toBe(2);
    expect(parseDayHeading('Second day (16 April)')).toBe(2);
    expect(parseDayHeading('Tuesday, 15 April 2025 (Day 1)')).toBe(1);
    expect(parseDayHeading('16 April – Day 2')).toBe(2);
  });

  it('does not read a sentence about a day as a heading', () => {
    expect(parseDayHeading('Day 1 will open with remarks by the co-hosts.')).toBeUndefined();
    expect(parseDayHeading('Daylight operations')).toBeUndefined();
  });
});

describe('cleanTitle', () => {
  it('drops programme times, wrapping quotes and a final full stop', () => {
    expect(cleanTitle('Early warning (10:00 – 11:30)')).toBe('Early warning');
    expect(cleanTitle('“Early warning”')).toBe('Early warning');
    expect(cleanTitle('Early warning.')).toBe('Early warning');
    expect(cleanTitle('Lessons from the U.N.')).toBe('Lessons from the U.N.');
  });
});

describe('isInterlude and isTimeOnly', () => {
  it('recognises programme entries that are not sessions', () => {
    for (const line of [
      'Coffee break',
      '10:30 – 11:00 Coffee break',
      'Opening session',
      'Closing remarks',
      '12:30 Lunch',
    ]) {
      expect(isInterlude(line), line).toBe(true);
    }
    expect(isInterlude('Breaking the cycle of violence')).toBe(false);
  });

  it('recognises lines that are only a time', () => {
    expect(isTimeOnly('10:00 – 11:30')).toBe(true);
    expect(isTimeOnly('(9.30 am to 11.00 am)')).toBe(true);
    expect(isTimeOnly('10:00 Session 1')).toBe(false);
  });
});
