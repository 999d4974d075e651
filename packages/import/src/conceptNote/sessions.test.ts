import { describe, expect, it } from 'vitest';
import { toLines } from './lines.ts';
import { findSessions, type MeetingDays } from './sessions.ts';

const sessionsOf = (text: string, meeting: MeetingDays = {}) => findSessions(toLines(text), meeting);
const titles = (text: string, meeting: MeetingDays = {}) =>
  sessionsOf(text, meeting).sessions.map((s) => [s.number, s.day ?? null, s.title]);

describe('findSessions', () => {
  it('merges a programme overview with the detailed descriptions, warning on different titles', () => {
    const text = [
      'Programme overview',
      'Session 1: Early warning (10:00 – 11:30)',
      'Session 2: Community engagement',
      '',
      'Session descriptions',
      '',
      'Session 1: Early warning',
      'The session will look at early warning.',
      '',
      'Session 2: Engaging communities',
      'The session will look at engagement.',
    ].join('\n');
    const { sessions, warnings } = sessionsOf(text);
    expect(sessions.map((s) => [s.number, s.title, s.description])).toEqual([
      [1, 'Early warning', 'The session will look at early warning.'],
      [2, 'Community engagement', 'The session will look at engagement.'],
    ]);
    expect(warnings).toEqual([
      '"Session 2" appears twice with different titles, "Community engagement" and "Engaging communities": kept the first',
    ]);
  });

  it('numbers days from programme date lines inside the meeting dates', () => {
    const text =
      'Agenda\n\nTuesday, 10 March\nSession 1: A\nText.\n\nWednesday, 11 March\nSession 2: B\nText.';
    expect(titles(text, { startDate: '2026-03-10', endDate: '2026-03-11' })).toEqual([
      [1, 1, 'A'],
      [2, 2, 'B'],
    ]);
  });

  it('gives no day when every session is on the same date', () => {
    expect(titles('Programme\n\nTuesday, 10 March 2026\nSession 1: A\nSession 2: B')).toEqual([
      [1, null, 'A'],
      [2, null, 'B'],
    ]);
  });

  it('keeps sessions numbered again from 1 on each day apart', () => {
    const text = 'Day 1\nSession 1: A\nSession 2: B\nDay 2\nSession 1: C';
    expect(titles(text)).toEqual([
      [1, 1, 'A'],
      [2, 1, 'B'],
      [1, 2, 'C'],
    ]);
    expect(sessionsOf(text).warnings).toEqual([]);
  });

  it('warns when a number is skipped or a title is missing', () => {
    expect(sessionsOf('Session 1: A\nSession 3: C').warnings).toEqual([
      '"Session 1" is followed by "Session 3": check that no session is missing',
    ]);
    expect(
      sessionsOf(
        'SESSION 1\n\nThe session will look at early warning in detail and at much more besides this, at length, for a long time.',
      ).warnings,
    ).toContain('"SESSION 1" has no title');
  });

  it('reads a title on the next line, and one wrapped onto a second line', () => {
    expect(titles('PANEL III\n\nData, analysis and prediction\n\nAnalysts will present.')).toEqual([
      [3, null, 'Data, analysis and prediction'],
    ]);
    expect(
      titles('Session 2 - Casualty evacuation: lessons from\nrecent incidents\n\nSpeakers will present.'),
    ).toEqual([[2, null, 'Casualty evacuation: lessons from recent incidents']]);
  });

  it('reads a "Title:" line under a bare session heading', () => {
    expect(
      sessionsOf('Session 1\nTitle: Evolving challenges\nModerator: Ambassador X\nText.').sessions[0],
    ).toMatchObject({
      title: 'Evolving challenges',
      description: 'Moderator: Ambassador X\nText.',
    });
  });

  it('does not take a short line of details for part of the title', () => {
    expect(titles('Session 1: Evolving challenges\nSpeakers to be confirmed\n\nMore text.')).toEqual([
      [1, null, 'Evolving challenges'],
    ]);
  });

  it('does not take the first line of a description for part of the title', () => {
    const text =
      'Session 1: Medical standards\nThe session will compare the standards applied in level I and level II hospitals,\nand what it costs.';
    expect(sessionsOf(text).sessions[0]).toMatchObject({
      title: 'Medical standards',
      description:
        'The session will compare the standards applied in level I and level II hospitals, and what it costs.',
    });
  });

  it('splits a session written as a paragraph into title and description', () => {
    const text =
      'Session 1 – Maritime domain awareness. The session will consider how missions\nand host States share what they know.';
    expect(sessionsOf(text).sessions[0]).toMatchObject({
      title: 'Maritime domain awareness',
      description: 'The session will consider how missions and host States share what they know.',
    });
  });

  it('ends a session at a section heading, a markdown heading or a programme interlude', () => {
    const text =
      '## Session 1: A\nText A.\n### Guiding questions\n- Why?\n## Expected outcomes\nPledges.\n\nSession 2: B\nText B.\nCoffee break\nNetworking.';
    expect(sessionsOf(text).sessions.map((s) => [s.title, s.description, s.guidingQuestions])).toEqual([
      ['A', 'Text A.', ['Why?']],
      ['B', 'Text B.', []],
    ]);
  });

  it('reads a numbered programme only under a programme heading, and not its numbered questions', () => {
    const text = [
      'Objectives',
      '1. Share practice.',
      '2. Identify training.',
      '',
      'Programme',
      '',
      '1. Policy in practice',
      '',
      'Guiding questions:',
      '1. How is the policy applied',
      '2. Which safeguards protect sources',
      '',
      '2. Training analysts',
      'Courses.',
    ].join('\n');
    const { sessions } = sessionsOf(text);
    expect(sessions.map((s) => [s.label, s.title, s.guidingQuestions])).toEqual([
      ['1.', 'Policy in practice', ['How is the policy applied', 'Which safeguards protect sources']],
      ['2.', 'Training analysts', []],
    ]);
  });

  it('prefers session headings to numbered lists', () => {
    expect(titles('Programme\n1. Welcome\nSession 1: A\n2. Lunch')).toEqual([[1, null, 'A']]);
  });

  it('reads a programme table', () => {
    const text =
      '## Programme\n\n| Time | Session | Moderator |\n|---|---|---|\n| 09:00–10:30 | Session 1: Supply chains | Chile |';
    expect(sessionsOf(text).sessions[0]).toMatchObject({
      title: 'Supply chains',
      description: 'Moderator: Chile',
    });
  });

  it('finds nothing in a text without sessions', () => {
    expect(
      sessionsOf('Background\n\nSessions will be announced. The session will be long.').sessions,
    ).toEqual([]);
  });

  it('caps warnings on text full of sessions', () => {
    const text = Array.from({ length: 100 }, (_, i) => `Session ${(i % 3) * 2 + 1}: T${i}`).join('\n');
    const { warnings } = sessionsOf(text);
    expect(warnings).toHaveLength(21);
    expect(warnings[20]).toMatch(/^\.\.\. and \d+ more warnings about sessions$/);
  });
});
