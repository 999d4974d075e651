import { describe, expect, it } from 'vitest';
import { findDateMentions, parseDateLine } from './dates.ts';

function only(text: string): { text: string; start?: string; end?: string; problem?: string } {
  const mentions = findDateMentions(text);
  expect(mentions, text).toHaveLength(1);
  const { text: written, start, end, problem } = mentions[0]!;
  return { text: written, start, end, ...(problem ? { problem } : {}) };
}

describe('findDateMentions', () => {
  it.each([
    ['held on 15-16 April 2025 in', '15-16 April 2025', '2025-04-15', '2025-04-16'],
    ['on 15 and 16 April 2025.', '15 and 16 April 2025', '2025-04-15', '2025-04-16'],
    ['on April 15-16, 2025, in', 'April 15-16, 2025', '2025-04-15', '2025-04-16'],
    ['Islamabad, 30-31 August 2023', '30-31 August 2023', '2023-08-30', '2023-08-31'],
    ['from 28 February – 1 March 2024', '28 February – 1 March 2024', '2024-02-28', '2024-03-01'],
    ['February 28 — March 1, 2024', 'February 28 — March 1, 2024', '2024-02-28', '2024-03-01'],
    ['on 15 April 2025', '15 April 2025', '2025-04-15', '2025-04-15'],
    ['on Tuesday, 15 April 2025', 'Tuesday, 15 April 2025', '2025-04-15', '2025-04-15'],
    ['on the 25th and 26th of October 2021', 'the 25th and 26th of October 2021', '2021-10-25', '2021-10-26'],
    ['31 December 2024 - 2 January 2025', '31 December 2024 - 2 January 2025', '2024-12-31', '2025-01-02'],
    ['31 December – 2 January 2025', '31 December – 2 January 2025', '2024-12-31', '2025-01-02'],
    ['Sept. 3 to 4, 2026', 'Sept. 3 to 4, 2026', '2026-09-03', '2026-09-04'],
    ['2025-04-15 to 2025-04-16', '2025-04-15 to 2025-04-16', '2025-04-15', '2025-04-16'],
  ])('reads %j', (input, text, start, end) => {
    expect(only(input)).toEqual({ text, start, end });
  });

  it('keeps an impossible date as written, without ISO dates, saying why', () => {
    expect(only('on 30-31 February 2025')).toEqual({
      text: '30-31 February 2025',
      start: undefined,
      end: undefined,
      problem: '"30-31 February 2025" is not a calendar date',
    });
    expect(only('16-15 April 2025').problem).toContain('ends before it starts');
  });

  it('finds every date of a text in order and ignores numbers that are not dates', () => {
    const text =
      'Resolution 2719 (2023) and 11 missions; the meeting on 15-16 April 2025, the ministerial on 13-14 May 2025.';
    expect(findDateMentions(text).map((m) => m.text)).toEqual(['15-16 April 2025', '13-14 May 2025']);
  });

  it('does not read the modal verb "may" as a month', () => {
    expect(findDateMentions('Member States may 2 times a year report')).toEqual([]);
  });
});

describe('parseDateLine', () => {
  it('reads a programme date line, with the meeting year when it has none', () => {
    expect(parseDateLine('Tuesday, 15 April', 2025)).toBe('2025-04-15');
    expect(parseDateLine('Wednesday 16 April 2025 (afternoon)', undefined)).toBe('2025-04-16');
    expect(parseDateLine('April 16:', 2025)).toBe('2025-04-16');
  });

  it('refuses lines that are more than a date', () => {
    expect(parseDateLine('15 April 2025 the meeting opens', 2025)).toBeUndefined();
    expect(parseDateLine('Tuesday, 15 April', undefined)).toBeUndefined();
  });
});
