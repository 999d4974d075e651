import { describe, expect, it } from 'vitest';
import { sectionRole } from './sections.ts';

const role = (text: string, level = 0) => sectionRole({ text, level });

describe('sectionRole', () => {
  it('recognises the headings that open the list of sessions', () => {
    for (const text of [
      'Programme',
      'Themes/Sessions',
      '3. Provisional Agenda:',
      'PANELS',
      'Format and programme',
      'Programme of the meeting',
    ]) {
      expect(role(text), text).toBe('sessions');
    }
  });

  it('recognises the headings that end a session', () => {
    for (const text of [
      'Background',
      'Format of the Meeting',
      'IV. Expected outcomes',
      'Background and objectives',
      'Annex I: Participants',
      'Co-Chairs’ Summary',
    ]) {
      expect(role(text), text).toBe('other');
    }
  });

  it('ignores sentences and unknown headings', () => {
    expect(role('Background information is attached.')).toBeNull();
    expect(role('Peacekeeping in a changing world')).toBeNull();
    expect(role('Session 1: Background')).toBeNull();
  });
});
