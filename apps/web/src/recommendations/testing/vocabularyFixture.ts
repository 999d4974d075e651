import type { Vocabulary } from '../vocabulary.ts';

/** A small vocabulary for tests, with one retired term per tag list. */
export const testVocabulary: Vocabulary = {
  version: 3,
  themes: [
    { id: 'medical', label: 'Medical support and capacity' },
    { id: 'training', label: 'Training and capacity building' },
    { id: 'old-theme', label: 'Capacity gaps', retired: true },
  ],
  addressees: [
    { id: 'member-states', label: 'Member States' },
    { id: 'tpccs', label: 'Troop- and police-contributing countries (T/PCCs)' },
    { id: 'old-addressee', label: 'Force generation service', retired: true },
  ],
  a4pPlusPriorities: [{ id: 'capabilities-mindsets', label: 'Capabilities and mindsets' }],
  statuses: [
    { id: 'proposed', label: 'Proposed' },
    { id: 'agreed', label: 'Agreed by co-hosts' },
    { id: 'withdrawn', label: 'Withdrawn' },
  ],
};
