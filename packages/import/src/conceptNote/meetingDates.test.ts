import { describe, expect, it } from 'vitest';
import { pickMeetingDates } from './meetingDates.ts';

describe('pickMeetingDates', () => {
  it('trusts the title block first', () => {
    const picked = pickMeetingDates(
      'Meeting, 15-16 April 2025',
      'The ministerial will be held on 13-14 May 2025.',
    );
    expect(picked).toMatchObject({
      mention: { text: '15-16 April 2025', start: '2025-04-15' },
      guessed: false,
    });
  });

  it('then a "Dates:" label, then a sentence saying when the meeting takes place, before the ministerial', () => {
    expect(pickMeetingDates('', 'Registration by 1 March 2026.\nDate: 3 June 2026')?.mention.text).toBe(
      '3 June 2026',
    );
    const text =
      'The Ministerial will be held on 13-14 May 2025. The meeting will take place on 15-16 April 2025.';
    expect(pickMeetingDates('', text)?.mention.text).toBe('15-16 April 2025');
  });

  it('falls back to the first date, saying it was guessed', () => {
    expect(pickMeetingDates('', 'Since 12 June 2024, missions have changed.')).toMatchObject({
      mention: { text: '12 June 2024' },
      guessed: true,
    });
    expect(pickMeetingDates('', 'No date here.')).toBeUndefined();
  });
});
