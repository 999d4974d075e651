import type { Scenario } from './types.ts';

/**
 * S7: export of a 40-page summary (PDF <= 1.0 s, DOCX <= 0.2 s). Export does not exist yet
 * (issue #6): listed so the table shows the gap, never measured with a stand-in.
 */
export const s7: Scenario = {
  id: 'S7',
  title: 'export of a 40-page summary (PDF <= 1.0 s, DOCX <= 0.2 s)',
  implemented: false,
  note: 'not yet implemented (issue #6)',
  headline: [],
  targets: [],
  run: () => Promise.reject(new Error('S7: export is not implemented yet (issue #6)')),
};
