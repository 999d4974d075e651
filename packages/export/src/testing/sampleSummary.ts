import * as Y from 'yjs';
import { writeTags, type Session } from '@plenary/schema';
import {
  buildDocument,
  doc,
  h,
  li,
  ol,
  p,
  quote,
  rec,
  section,
  seedYDoc,
  sessionHeading,
  speaker,
  text,
  titleBlock,
  ul,
} from '@plenary/templates';

/** User text full of Typst syntax: an export must print it exactly as written. */
export const TYPST_SYNTAX_TEXT =
  'Literal: #import "x" #eval("1") $x$ *bold* ] [ <label> \\ backslash @ref _u_ `code` // c';

export const ARABIC_NAME = 'ليلى حداد';

export interface SampleOptions {
  /** Findings parts, one per session (default 3; 14 makes about 40 pages). */
  sessions?: number;
  /** Paragraphs in each session's findings (default 2). */
  paragraphsPerSession?: number;
}

const FILLER =
  'Participants stressed that casualty evacuation within the golden hour depends on air assets, trained medics and clear procedures agreed with the host State in advance, and that training must be sustained over the whole deployment.';

/**
 * A fictional chair's summary for tests and the export benchmark: title block with accented
 * co-hosts, an overview with an Arabic name, per-session findings with speakers, quotes and
 * recommendations, conclusions, tagged recommendations, and an annex.
 */
export function sampleSummary(options: SampleOptions = {}): Y.Doc {
  const sessionCount = options.sessions ?? 3;
  const perSession = options.paragraphsPerSession ?? 2;
  const sessions: Session[] = Array.from({ length: sessionCount }, (_, i) => ({
    id: `s${i + 1}`,
    day: i < sessionCount / 2 ? 1 : 2,
    title: ['Casualty evacuation', 'Field hospitals', 'Mental health of peacekeepers', 'Telemedicine'][
      i % 4
    ]!,
    facilitator: 'Ms. Amina Diallo',
    speakers: [
      { name: `Mr. ${ARABIC_NAME}`, affiliation: 'Permanent Mission of Jordan' },
      { name: 'Ms. Nguyễn Thị Lan', affiliation: 'Ministry of National Defence of Việt Nam' },
    ],
    guidingQuestions: [],
    description: '',
  }));
  const base = buildDocument('blank', {
    newId: () => 'unused',
    meeting: {
      title: 'Preparatory Meeting on Medical Support and Capabilities',
      theme: 'Health and medical capacity in peace operations',
      ministerial: 'United Nations Peacekeeping Ministerial',
      coHosts: ['Côte d’Ivoire', 'Türkiye', 'Việt Nam'],
      dates: '3-4 March 2026',
      venue: 'Abidjan',
      chairs: [],
    },
    sessions,
  });
  const findings = sessions.map((s, i) =>
    section(
      { kind: 'session-findings', sessionId: s.id },
      sessionHeading(s.id),
      speaker(
        { speaker: 'H.E. Ms. Ayşe Yılmaz', affiliation: 'Minister of Defence of Türkiye' },
        p('Opened the session on behalf of the co-hosts.'),
      ),
      ...Array.from({ length: perSession }, (_, k) => p(`Finding ${i + 1}.${k + 1}. `, FILLER)),
      quote(
        'Under-Secretary-General for Peace Operations',
        p('Every minute counts between injury and surgery.'),
      ),
      rec(`rs${i + 1}`, p(`Missions should train medics in every contingent (session ${i + 1}).`)),
    ),
  );
  const body = doc(
    titleBlock('Co-Chairs’ Summary'),
    section(
      'overview',
      h(2, 'Overview'),
      p(
        'Some 50 Member States took part, among them ',
        text('Côte d’Ivoire', ['bold']),
        ', São Tomé and Príncipe, Türkiye and Việt Nam.',
      ),
      p(`The meeting was opened by ${ARABIC_NAME}, Chair of the preparatory process.`),
      p('The co-hosts set three aims:'),
      ol(
        li('to take stock of medical capabilities;'),
        li('to identify gaps, in particular:', ol(li('casualty evacuation;'), li('mental health.'))),
        li('to prepare pledges.'),
      ),
      h(3, 'Format'),
      p(TYPST_SYNTAX_TEXT),
    ),
    ...findings,
    section(
      'conclusions',
      h(2, 'Conclusions'),
      ul(li('Medical support is a shared responsibility.'), li('Training saves lives.')),
    ),
    section(
      'recommendations',
      h(2, 'Recommendations'),
      ol(
        rec('r1', li('Member States should pledge field hospitals.')),
        rec('r2', li('The Secretariat should report yearly on evacuation times.')),
      ),
    ),
    section(
      'annex',
      h(2, 'Programme'),
      p('Day 1: opening, sessions 1 and 2. Day 2: sessions 3 and 4, closing.'),
    ),
  );
  const ydoc = new Y.Doc();
  seedYDoc(ydoc, { ...base, body });
  writeTags(ydoc, 'r1', { themes: ['medical'], addressees: ['member-states'], status: 'agreed' });
  writeTags(ydoc, 'r2', {
    themes: ['medical', 'performance-accountability'],
    addressees: ['secretariat'],
    priority: 'accountability-to',
  });
  writeTags(ydoc, 'rs1', { themes: ['training'], addressees: ['missions', 'tpccs'] });
  return ydoc;
}
