import { describe, expect, it } from 'vitest';
import { ConceptNoteError, ConceptNoteTooLargeError, NoSessionsFoundError } from './errors.ts';
import { MAX_CONCEPT_NOTE_BYTES, extractConceptNote } from './extract.ts';
import { dayGroupings } from './fixtures/dayGroupings.ts';
import { markdownSeminar } from './fixtures/markdownSeminar.ts';
import { noSessions } from './fixtures/noSessions.ts';
import { numberedProgramme } from './fixtures/numberedProgramme.ts';
import { paragraphSessions } from './fixtures/paragraphSessions.ts';
import { preparatoryMeeting } from './fixtures/preparatoryMeeting.ts';
import { romanPanels } from './fixtures/romanPanels.ts';
import { virtualBreakouts } from './fixtures/virtualBreakouts.ts';
import type { ConceptNoteExtraction } from './types.ts';

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

/** [label, number, day, title] per session: what a person checks first. */
function outline(result: ConceptNoteExtraction): [string, number, number | null, string][] {
  return result.sessions.map((s) => [s.label, s.number, s.day ?? null, s.title]);
}

describe('extractConceptNote on the layout of the 2025 preparatory meeting', () => {
  const result = extractConceptNote(preparatoryMeeting);

  it('reads the flattened title block', () => {
    expect(result.meeting).toEqual({
      title: 'Preparatory Meeting for the 2027 UN Peacekeeping Ministerial',
      theme: 'Protecting Those Who Protect: Medical Readiness and Mobility in Peace Operations',
      coHosts: ["Côte d'Ivoire", 'Norway'],
      dates: '3-4 March 2027',
      startDate: '2027-03-03',
      endDate: '2027-03-04',
      venue: 'Abidjan',
      format: 'in-person',
    });
    expect(result.warnings).toEqual([]);
  });

  it('finds every session with its exact title, and no days', () => {
    expect(outline(result)).toEqual([
      ['Session 1', 1, null, 'Casualty Evacuation in Remote Areas'],
      ['Session 2', 2, null, 'Field Hospitals: standards, staffing and supply'],
      ['Session 3', 3, null, 'Mobility and logistics for medical teams'],
      ['Session 4', 4, null, 'Partnerships for medical training'],
      ['Session 5', 5, null, 'Towards an integrated approach: prevention, treatment and recovery'],
    ]);
  });

  it('keeps inline lists in the description and every paragraph of the last session', () => {
    expect(result.sessions[1]!.description).toBe(
      'Field hospitals are the backbone of medical support. The session will focus on: i) minimum standards; ii) staffing rotations; and iii) supply chains for blood and medicines.',
    );
    expect(result.sessions[4]!.description.split('\n\n')).toHaveLength(3);
    expect(result.sessions.every((s) => s.guidingQuestions.length === 0)).toBe(true);
  });
});

describe('extractConceptNote with an annexed programme', () => {
  const annex = [
    '',
    'Annex: Programme',
    '',
    'Day 1 – Wednesday, 3 March 2027',
    '09:30 – 10:00 Opening session',
    '10:00 – 11:30 Session 1: Casualty Evacuation in Remote Areas',
    '11:30 – 12:00 Coffee break',
    '12:00 – 13:30 Session 2: Field Hospitals: standards, staffing and supply',
    '14:30 – 16:00 Session 3: Mobility and logistics for medical teams',
    '',
    'Day 2 – Thursday, 4 March 2027',
    '10:00 – 11:30 Session 4: Partnerships for medical training',
    '12:00 – 13:30 Session 5: Towards an integrated approach: prevention, treatment and recovery',
    '16:00 Closing session',
  ].join('\n');
  const result = extractConceptNote(`${preparatoryMeeting}\n${annex}`);

  it('merges the programme with the descriptions and takes the days from it', () => {
    expect(outline(result)).toEqual([
      ['Session 1', 1, 1, 'Casualty Evacuation in Remote Areas'],
      ['Session 2', 2, 1, 'Field Hospitals: standards, staffing and supply'],
      ['Session 3', 3, 1, 'Mobility and logistics for medical teams'],
      ['Session 4', 4, 2, 'Partnerships for medical training'],
      ['Session 5', 5, 2, 'Towards an integrated approach: prevention, treatment and recovery'],
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('ends the last description where the annex starts', () => {
    expect(result.sessions[4]!.description).toBe(
      extractConceptNote(preparatoryMeeting).sessions[4]!.description,
    );
  });
});

describe('extractConceptNote on other layouts', () => {
  it('reads a title block flattened onto one long line', () => {
    const text =
      'Concept Note “Women in Peace Operations: From Commitments to Deployment” Preparatory Meeting for the 2027 United Nations Peacekeeping Ministerial co-hosted by the Republic of Côte d’Ivoire, the Republic of Türkiye and the Democratic Republic of Sao Tome and Principe 3-4 March 2027 in Abidjan, Côte d’Ivoire\n\nSession 1: Recruitment\nText.';
    expect(extractConceptNote(text).meeting).toMatchObject({
      title: 'Preparatory Meeting for the 2027 United Nations Peacekeeping Ministerial',
      theme: 'Women in Peace Operations: From Commitments to Deployment',
      coHosts: ["Côte d'Ivoire", 'Türkiye', 'Sao Tome and Principe'],
      dates: '3-4 March 2027',
      venue: 'Abidjan',
    });
  });

  it('reads a markdown concept note', () => {
    const result = extractConceptNote(markdownSeminar);
    expect(result.meeting).toEqual({
      title: 'High-Level Seminar on Peacekeeping Training Partnerships',
      theme: 'Training together, deploying together',
      coHosts: ['Türkiye', 'Ghana', 'Uruguay'],
      dates: '28 February – 1 March 2024',
      startDate: '2024-02-28',
      endDate: '2024-03-01',
      venue: 'Accra',
      format: null,
    });
    expect(outline(result)).toEqual([
      ['Session 1', 1, null, 'Mapping training gaps across missions'],
      ['Session 2', 2, null, 'Triangular partnerships: from pledges to deployment'],
      ['Session 3', 3, null, 'Language skills for francophone missions'],
    ]);
    expect(result.sessions.map((s) => s.guidingQuestions)).toEqual([
      [
        'How can missions report their training needs in a form providers can use?',
        'What data should the Secretariat share, and with whom?',
        'Which gaps have persisted since the last ministerial?',
      ],
      ['What makes a partnership last beyond a single course?', 'How should success be measured?'],
      [],
    ]);
    // "Expected outcomes" ends the last session.
    expect(result.sessions[2]!.description).toBe(
      'Language is a capability. The session will look at language training for uniformed personnel deployed in francophone environments.',
    );
  });

  it('reads sessions grouped by day, around the programme’s interludes', () => {
    const result = extractConceptNote(dayGroupings);
    expect(result.meeting).toEqual({
      title: 'Regional Workshop on Medical Support to Peacekeepers',
      theme: null,
      coHosts: ['Japan', 'Nepal'],
      dates: '30-31 August 2023',
      startDate: '2023-08-30',
      endDate: '2023-08-31',
      venue: 'Kathmandu',
      format: null,
    });
    expect(outline(result)).toEqual([
      ['Session 1', 1, 1, 'Medical standards in the field'],
      [
        'Session 2',
        2,
        1,
        'Casualty evacuation and the golden hour: lessons from recent incidents in remote areas',
      ],
      ['Session 3', 3, 2, 'Mental health of uniformed personnel'],
      ['Session 4', 4, 2, 'Women medical officers in peace operations'],
    ]);
    expect(result.sessions[0]!.guidingQuestions).toEqual([
      'Which standards are applied unevenly across missions?',
      'How can troop-contributing countries be supported to meet them?',
    ]);
    expect(result.sessions[2]!.guidingQuestions).toEqual([
      'What support exists before, during and after deployment?',
      'How can stigma be reduced?',
    ]);
    // Neither the coffee break nor the closing session belong to the session before them.
    expect(result.sessions[0]!.description).toBe(
      'The session will compare the standards applied in level I and level II hospitals.',
    );
    expect(result.sessions[3]!.description).toBe(
      'The session will hear from women medical officers on their experience.',
    );
  });

  it('reads panels numbered in roman numerals at a hybrid meeting with US-style dates', () => {
    const result = extractConceptNote(romanPanels);
    expect(result.meeting).toEqual({
      title: 'International Symposium on Early Warning in Peace Operations',
      theme: null,
      coHosts: ['Bangladesh', 'Canada', 'São Tomé and Príncipe'],
      dates: 'April 15-16, 2025',
      startDate: '2025-04-15',
      endDate: '2025-04-16',
      venue: 'New York',
      format: 'hybrid',
    });
    expect(outline(result)).toEqual([
      ['PANEL I', 1, null, 'Listening to communities'],
      ['Panel II', 2, null, 'From warning to response'],
      ['PANEL III', 3, null, 'Data, analysis and the limits of prediction'],
      ['Panel IV', 4, null, 'Regional organizations and the sharing of early warning information'],
    ]);
    expect(result.sessions[3]!.guidingQuestions).toEqual([
      'Which information can be shared, and under what safeguards?',
      'Who acts on a shared warning',
    ]);
    expect(result.sessions[3]!.description).toBe('Regional organizations often see a crisis coming first.');
  });

  it('reads a virtual meeting with plenary and breakout sessions numbered apart', () => {
    const result = extractConceptNote(virtualBreakouts);
    expect(result.meeting).toEqual({
      title: 'Virtual Dialogue on Peacekeeping and Climate Security',
      theme: null,
      coHosts: ['Sierra Leone'],
      dates: '9 and 10 December 2026',
      startDate: '2026-12-09',
      endDate: '2026-12-10',
      venue: 'virtual',
      format: 'virtual',
    });
    expect(outline(result)).toEqual([
      ['Session 1', 1, null, 'Climate risk in mission planning'],
      ['Breakout session 1', 1, null, 'Water, land and local conflict'],
      ['Break-out Session 2', 2, null, 'Reducing the environmental footprint of missions'],
      ['Session 2', 2, null, 'Reporting back and the way forward'],
    ]);
    expect(result.sessions[1]!.guidingQuestions).toEqual([
      'How can missions map resource disputes before they turn violent?',
      'What role for host-State authorities?',
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('reads a numbered programme, not the numbered objectives before it', () => {
    const result = extractConceptNote(numberedProgramme);
    expect(result.meeting).toEqual({
      title: 'Expert Meeting on Peacekeeping Intelligence',
      theme: null,
      coHosts: ['Fiji', 'Kingdom of the Netherlands'],
      dates: '15 April 2025',
      startDate: '2025-04-15',
      endDate: '2025-04-15',
      venue: 'Suva',
      format: null,
    });
    expect(outline(result)).toEqual([
      ['1.', 1, null, 'Peacekeeping intelligence policy in practice'],
      ['2.', 2, null, 'Training analysts for missions'],
      ['3.', 3, null, 'Technology for situational awareness'],
    ]);
    expect(result.sessions.map((s) => s.guidingQuestions)).toEqual([
      [
        'How is the policy applied in missions with limited analytical staff?',
        'What safeguards protect sources?',
      ],
      ['Which courses are recognised by the Secretariat?', 'How can courses be shared between regions?'],
      [],
    ]);
    expect(result.sessions[2]!.description).toBe(
      'Tools for collecting and analysing information, and their limits.',
    );
  });

  it('reads sessions written as paragraphs across page breaks', () => {
    const result = extractConceptNote(paragraphSessions);
    expect(result.meeting).toEqual({
      title: 'Caribbean Dialogue on Maritime Peace Operations',
      theme: null,
      coHosts: ['Trinidad and Tobago', 'São Tomé and Príncipe'],
      dates: 'the 25th and 26th of October 2026',
      startDate: '2026-10-25',
      endDate: '2026-10-26',
      venue: 'Port of Spain',
      format: null,
    });
    expect(outline(result)).toEqual([
      ['Session 1', 1, null, 'Maritime domain awareness'],
      ['Session 2', 2, null, 'Island States as troop contributors'],
      ['Session 3', 3, null, 'Protecting ports and coastal populations'],
    ]);
    // The page break, its running header and its page number fell inside this description.
    expect(result.sessions[1]!.description).toBe(
      'Speakers will describe the contribution of small island States, the obstacles they meet when they deploy, and the support that would help them deploy more often.',
    );
    expect(result.sessions[2]!.description).toBe(
      'Panellists will look at attacks on ports and the protection of coastal communities.',
    );
  });
});

describe('extractConceptNote on damaged or hostile input', () => {
  const fixtures = {
    preparatoryMeeting,
    markdownSeminar,
    dayGroupings,
    romanPanels,
    virtualBreakouts,
    numberedProgramme,
    paragraphSessions,
  };
  const damage: Record<string, (text: string) => string> = {
    'Windows line ends': (text) => text.replace(/\n/g, '\r\n'),
    'old Mac line ends': (text) => text.replace(/\n/g, '\r'),
    'non-breaking spaces': (text) =>
      text.replace(/ /g, (space, at: number) => (at % 3 === 0 ? '\u00a0' : space)),
    'tabs and trailing spaces': (text) => text.replace(/\n/g, ' \t\n\t'),
    'a byte order mark': (text) => `\ufeff${text}`,
    'page breaks between paragraphs': (text) =>
      text.replace(/\n\n/g, (gap, at: number) => (at % 5 === 0 ? '\n\f\n- 4 -\n\n' : gap)),
  };

  for (const [name, text] of Object.entries(fixtures)) {
    it(`reads ${name} the same through CRLF, CR, NBSP, tabs, BOM and page breaks`, () => {
      const expected = extractConceptNote(text);
      for (const [how, damaged] of Object.entries(damage)) {
        expect(extractConceptNote(damaged(text)), how).toEqual(expected);
      }
    });
  }

  it('refuses a text without sessions, saying what it looked for', () => {
    const error = catchError(() => extractConceptNote(noSessions));
    expect(error).toBeInstanceOf(NoSessionsFoundError);
    expect(error).toBeInstanceOf(ConceptNoteError);
    expect(error).toMatchObject({ code: 'no-sessions', name: 'NoSessionsFoundError' });
    expect((error as Error).message).toMatch(
      /^no sessions found: looked for lines like "Session 1: Title", "Session 2 – Title"/,
    );
    expect((error as NoSessionsFoundError).lookedFor.length).toBeGreaterThan(2);
  });

  it('refuses empty text', () => {
    expect(() => extractConceptNote(' \r\n\t\u00a0')).toThrow('no sessions found (the text is empty)');
  });

  it('refuses text over 2 MiB with the size in the message, counting UTF-8 bytes', () => {
    const ascii = `Session 1: A\n${'x'.repeat(MAX_CONCEPT_NOTE_BYTES)}`;
    expect(() => extractConceptNote(ascii)).toThrow(ConceptNoteTooLargeError);
    // 1.2 million characters, but 2.4 MB in UTF-8.
    const accented = `Session 1: A\n${'é'.repeat(1_200_000)}`;
    expect(() => extractConceptNote(accented)).toThrow(
      /concept note too large: 2400013 bytes of text, the limit is 2097152 bytes/,
    );
    expect(() => extractConceptNote(ascii)).toThrow(
      expect.objectContaining({
        code: 'too-large',
        bytes: MAX_CONCEPT_NOTE_BYTES + 13,
        limit: MAX_CONCEPT_NOTE_BYTES,
      }),
    );
  });

  it('reads a text just under the limit (the test times out if a finder is quadratic)', () => {
    const long = `${preparatoryMeeting}\n\n${'Peace operations change with the threats they face. '.repeat(38_000)}`;
    expect(long.length).toBeLessThan(MAX_CONCEPT_NOTE_BYTES);
    const result = extractConceptNote(long);
    expect(result.sessions).toHaveLength(5);
    expect(result.meeting.coHosts).toEqual(["Côte d'Ivoire", 'Norway']);
  });

  it('rejects a value that is not text', () => {
    expect(() => extractConceptNote(42 as unknown as string)).toThrow(TypeError);
  });

  it('warns about what it could not find instead of failing', () => {
    const result = extractConceptNote('Session 1: Only a session\nSome text.');
    expect(result.meeting).toEqual({
      title: null,
      theme: null,
      coHosts: [],
      dates: null,
      venue: null,
      format: null,
    });
    expect(result.warnings).toEqual([
      'no meeting dates found (looked for dates like "15-16 April 2025" or "April 15-16, 2025")',
      'no venue found (looked for "Venue: ...", "in <city>" next to the dates, "held virtually")',
      'no co-hosts found (looked for "co-hosted by ...", "Co-hosts: ...", "hosted by ...")',
      'no meeting title found at the top of the text',
    ]);
  });
});
