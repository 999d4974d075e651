import type { Node as PMNode } from '@tiptap/pm/model';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { RecommendationTags, Session } from '@plenary/schema';
import { formatShortcut } from '../editor/shortcuts.ts';
import { chipsFor, type Chip } from './chips.ts';
import type { FoundRecommendation } from './recommendationNodes.ts';
import { RECOMMENDATION_SHORTCUTS } from './shortcuts.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface DecorationInput {
  readonly doc: PMNode;
  readonly recommendations: readonly FoundRecommendation[];
  readonly tags: ReadonlyMap<string, RecommendationTags>;
  readonly vocabulary: Vocabulary | null;
  readonly sessions: readonly Session[];
  /** The recommendation the cursor is in. */
  readonly current: string | null;
  /** The recommendation just jumped to, highlighted for a moment. */
  readonly flash: string | null;
  /** The recommendation whose tag popover is open. */
  readonly tagging: string | null;
  readonly onOpenTags: (recId: string) => void;
}

const EMPTY_TAGS: RecommendationTags = {
  themes: [],
  addressees: [],
  priority: null,
  status: 'proposed',
  sessionId: null,
  note: '',
};

/**
 * Each recommendation's number in the left margin and its tags as chips under its first line
 * of text, both widgets outside the text: they are never stored, never copied, and numbers
 * follow document order as it changes.
 *
 * Their words are drawn by CSS from data attributes (`content: attr(data-label)`), so the
 * editor's DOM text stays exactly the document's text (what find-in-page, extensions and tests
 * read); the labels reach assistive technology through aria-label.
 */
export function buildDecorations(input: DecorationInput): DecorationSet {
  const decorations: Decoration[] = [];
  for (const rec of input.recommendations) {
    const tags = input.tags.get(rec.id) ?? EMPTY_TAGS;
    const chips = chipsFor(tags, input.vocabulary, input.sessions);
    const classes = ['rec'];
    if (rec.id === input.current) classes.push('rec--current');
    if (rec.id === input.flash) classes.push('rec--flash');
    if (tags.status === 'withdrawn') classes.push('rec--withdrawn');
    decorations.push(
      Decoration.node(rec.pos, rec.pos + rec.node.nodeSize, { class: classes.join(' '), 'data-rec': rec.id }),
    );

    const open = rec.id === input.tagging;
    const badgeKey = `rec-badge:${rec.id}:${rec.number}:${open}`;
    decorations.push(
      Decoration.widget(rec.pos + 1, () => badge(rec, open, input.onOpenTags), {
        key: badgeKey,
        side: -1,
        ignoreSelection: true,
        stopEvent: () => true,
      }),
    );

    const chipsKey = `rec-chips:${rec.id}:${rec.number}:${open}:${JSON.stringify(chips)}`;
    decorations.push(
      Decoration.widget(chipsPosition(rec), () => chipRow(rec, chips, open, input.onOpenTags), {
        key: chipsKey,
        side: 1,
        ignoreSelection: true,
        stopEvent: () => true,
      }),
    );
  }
  return DecorationSet.create(input.doc, decorations);
}

/**
 * Under the recommendation's own text: after a list item's first paragraph (before any
 * sub-items), after a paragraph itself. Both are positions between blocks, where a widget
 * cannot disturb the cursor.
 */
function chipsPosition(rec: FoundRecommendation): number {
  if (rec.node.type.name === 'listItem' && rec.node.firstChild)
    return rec.pos + 1 + rec.node.firstChild.nodeSize;
  return rec.pos + rec.node.nodeSize;
}

function badge(rec: FoundRecommendation, open: boolean, onOpenTags: (recId: string) => void): HTMLElement {
  const element = document.createElement('span');
  element.className = 'rec-badge';
  element.contentEditable = 'false';
  element.dataset.recId = rec.id;
  element.dataset.label = `R${rec.number}`;
  // A marker, not a control: inside the editable text the keyboard reaches the tags through
  // the shortcut, the toolbar and the panel; the click is a convenience for the mouse.
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', `Recommendation ${rec.number}`);
  if (open) element.dataset.open = '';
  element.title = `Recommendation ${rec.number}. Click to tag it (${formatShortcut(RECOMMENDATION_SHORTCUTS.tags)}).`;
  clickOpens(element, rec.id, onOpenTags);
  return element;
}

function chipRow(
  rec: FoundRecommendation,
  chips: readonly Chip[],
  open: boolean,
  onOpenTags: (recId: string) => void,
): HTMLElement {
  const row = document.createElement('div');
  row.className = 'rec-chips';
  row.contentEditable = 'false';
  row.dataset.recId = rec.id;
  row.setAttribute('role', 'note');
  if (open) row.dataset.open = '';
  row.setAttribute(
    'aria-label',
    `Tags of recommendation ${rec.number}: ${chips.map((c) => c.title).join('; ')}`,
  );
  row.title = 'Click to change the tags';
  for (const chip of chips) {
    const element = document.createElement('span');
    element.className = `rec-chip rec-chip--${chip.kind}${chip.retired ? ' rec-chip--retired' : ''}`;
    element.dataset.label = chip.label;
    if (chip.value) element.dataset.value = chip.value;
    element.title = chip.title;
    element.setAttribute('aria-hidden', 'true');
    row.append(element);
  }
  clickOpens(row, rec.id, onOpenTags);
  return row;
}

function clickOpens(element: HTMLElement, recId: string, onOpenTags: (recId: string) => void): void {
  // Keep the editor's focus and selection: ProseMirror ignores these events (stopEvent), and
  // the browser must not move the caret into the widget either.
  element.addEventListener('mousedown', (event) => event.preventDefault());
  element.addEventListener('click', (event) => {
    event.preventDefault();
    onOpenTags(recId);
  });
}
