import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { isSectionKind, SECTION_PROMPTS } from '@plenary/schema';

/**
 * The greyed prompts that templates put in place: an empty paragraph of a section says what
 * belongs there (SECTION_PROMPTS[kind]), a speaker's and a quote's say theirs. They are
 * decorations, never text: nothing to delete, nothing that reaches an export.
 *
 * Not Tiptap's Placeholder: its `placeholder(props)` callback gets the node and its position but
 * not the document, and during its incremental update `editor.state` is still the previous
 * state, so it cannot reliably tell which section a paragraph is in. Placeholder still shows
 * the prompt of an empty document.
 *
 * Shown in every empty paragraph of a section nobody has written in yet (the template's
 * prompts), and otherwise only in the empty paragraph being typed in, so blank lines left
 * between paragraphs stay blank.
 */
export const SPEAKER_PROMPT = 'What the speaker said: the main points, in a sentence or two.';
export const QUOTE_PROMPT = 'The words quoted, as spoken.';
export const SLASH_HINT = 'Type “/” to insert a section, a quote or a speaker’s contribution.';

export interface Prompt {
  /** Position before the empty paragraph. */
  readonly pos: number;
  readonly text: string;
}

const BLOCK_PROMPTS: Record<string, string> = {
  speakerContribution: SPEAKER_PROMPT,
  attributedQuote: QUOTE_PROMPT,
};

const writtenIn = new WeakMap<PMNode, boolean>();

/** Whether anyone wrote in a section: any text outside its headings. Cached per (immutable) node. */
function hasWriting(section: PMNode): boolean {
  let written = writtenIn.get(section);
  if (written === undefined) {
    written = false;
    section.descendants((node) => {
      if (written) return false;
      if (node.isTextblock) {
        if (node.type.name !== 'heading' && node.content.size > 0) written = true;
        return false;
      }
      return true;
    });
    writtenIn.set(section, written);
  }
  return written;
}

/** The prompts to show in `doc` with the cursor at `cursor` (null: no cursor in the text). */
export function sectionPrompts(doc: PMNode, cursor: number | null): Prompt[] {
  const prompts: Prompt[] = [];
  const emptyDoc =
    doc.childCount === 1 && doc.firstChild!.type.name === 'paragraph' && doc.firstChild!.content.size === 0;
  const holdsCursor = (pos: number, node: PMNode) =>
    cursor !== null && cursor > pos && cursor < pos + node.nodeSize;

  doc.forEach((top, offset) => {
    if (top.type.name === 'section') {
      const kind = top.attrs.kind as unknown;
      const sectionPrompt = SECTION_PROMPTS[isSectionKind(kind) ? kind : 'generic'];
      const untouched = !hasWriting(top);
      top.descendants((node, relative, parent) => {
        if (!node.isTextblock) return true;
        const pos = offset + 1 + relative;
        if (
          node.type.name === 'paragraph' &&
          node.content.size === 0 &&
          (untouched || holdsCursor(pos, node))
        ) {
          prompts.push({ pos, text: (parent && BLOCK_PROMPTS[parent.type.name]) ?? sectionPrompt });
        }
        return false;
      });
    } else if (top.type.name in BLOCK_PROMPTS) {
      top.forEach((child, relative) => {
        const pos = offset + 1 + relative;
        if (child.type.name === 'paragraph' && child.content.size === 0)
          prompts.push({ pos, text: BLOCK_PROMPTS[top.type.name]! });
      });
    } else if (
      !emptyDoc &&
      top.type.name === 'paragraph' &&
      top.content.size === 0 &&
      holdsCursor(offset, top)
    ) {
      prompts.push({ pos: offset, text: SLASH_HINT });
    }
  });
  return prompts;
}

const key = new PluginKey<DecorationSet>('sectionPrompts');

function decorate(doc: PMNode, cursor: number | null): DecorationSet {
  return DecorationSet.create(
    doc,
    sectionPrompts(doc, cursor).map(({ pos, text }) => {
      const node = doc.nodeAt(pos)!;
      return Decoration.node(pos, pos + node.nodeSize, { class: 'has-prompt', 'data-prompt': text });
    }),
  );
}

/** Shows the prompts (see `sectionPrompts`) while the editor is editable. */
export const SectionPrompts = Extension.create({
  name: 'sectionPrompts',

  addProseMirrorPlugins() {
    const editor = this.editor;
    const cursorOf = (selection: { empty: boolean; from: number }) =>
      selection.empty ? selection.from : null;
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, state) => decorate(state.doc, cursorOf(state.selection)),
          apply: (tr, previous, _old, state) =>
            tr.docChanged || tr.selectionSet ? decorate(state.doc, cursorOf(state.selection)) : previous,
        },
        props: {
          decorations: (state) => (editor.isEditable ? key.getState(state) : DecorationSet.empty),
        },
      }),
    ];
  },
});
