import { DEFAULT_STATUS, type RecommendationTags, type Session } from '@plenary/schema';
import { shortLabel, termLabel, type Vocabulary, type VocabularyList } from './vocabulary.ts';

export type ChipKind = 'theme' | 'addressee' | 'priority' | 'status' | 'session' | 'note' | 'untagged';

/** One tag as shown beside a recommendation (in the editor and the panel). */
export interface Chip {
  readonly kind: ChipKind;
  /** The visible text, short. */
  readonly label: string;
  /** The full description, for the tooltip and assistive technology. */
  readonly title: string;
  readonly retired: boolean;
  /** For the status chip: its id (agreed, withdrawn …), which styles it. */
  readonly value?: string;
}

const NOTE_PREVIEW = 200;

/**
 * The chips of one recommendation, in a fixed order: themes, addressees, A4P+ priority, status
 * (only when not the default "proposed", which would otherwise sit on every item), session (only
 * when a rapporteur chose one other than the part the item stands in), note. A recommendation
 * with no theme, addressee or priority gets one "untagged" chip, an invitation to tag it.
 */
export function chipsFor(
  tags: RecommendationTags,
  vocabulary: Vocabulary | null,
  sessions: readonly Session[],
): Chip[] {
  const chips: Chip[] = [];
  const term = (kind: ChipKind, list: VocabularyList, prefix: string, id: string) => {
    const t = termLabel(vocabulary, list, id);
    chips.push({
      kind,
      label: shortLabel(t.label),
      title: `${prefix}: ${t.label}${t.retired ? ' (retired term)' : ''}`,
      retired: t.retired,
    });
  };
  for (const id of tags.themes) term('theme', 'themes', 'Theme', id);
  for (const id of tags.addressees) term('addressee', 'addressees', 'Addressee', id);
  if (tags.priority) term('priority', 'a4pPlusPriorities', 'A4P+ priority', tags.priority);
  if (chips.length === 0) {
    chips.push({
      kind: 'untagged',
      label: 'Add tags',
      title: 'No themes, addressees or priority yet',
      retired: false,
    });
  }
  if (tags.status !== DEFAULT_STATUS) {
    const t = termLabel(vocabulary, 'statuses', tags.status);
    chips.push({
      kind: 'status',
      label: t.label,
      title: `Status: ${t.label}${t.retired ? ' (retired term)' : ''}`,
      retired: t.retired,
      value: tags.status,
    });
  }
  if (tags.sessionId) {
    const index = sessions.findIndex((s) => s.id === tags.sessionId);
    const session = sessions[index];
    chips.push({
      kind: 'session',
      label: session ? `Session ${index + 1}` : 'Removed session',
      title: session ? `Session ${index + 1}: ${session.title}` : 'A session no longer in the programme',
      retired: !session,
    });
  }
  if (tags.note.trim()) {
    const note = tags.note.trim();
    chips.push({
      kind: 'note',
      label: 'Note',
      title: `Note: ${note.length > NOTE_PREVIEW ? `${note.slice(0, NOTE_PREVIEW)}…` : note}`,
      retired: false,
    });
  }
  return chips;
}

/** Whether a recommendation still waits for its first tag (the panel's "untagged"). */
export function isUntagged(tags: Pick<RecommendationTags, 'themes' | 'addressees' | 'priority'>): boolean {
  return tags.themes.length === 0 && tags.addressees.length === 0 && !tags.priority;
}
