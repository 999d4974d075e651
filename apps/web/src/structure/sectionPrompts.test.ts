import { describe, expect, it } from 'vitest';
import { SECTION_PROMPTS } from '@plenary/schema';
import { doc, documentSchema, h, li, p, quote, section, speaker, titleBlock, ul } from '@plenary/templates';
import { QUOTE_PROMPT, sectionPrompts, SLASH_HINT, SPEAKER_PROMPT } from './sectionPrompts.ts';

const build = (json: ReturnType<typeof doc>) => documentSchema().nodeFromJSON(json);
const texts = (json: ReturnType<typeof doc>, cursor: number | null = null) =>
  sectionPrompts(build(json), cursor).map((prompt) => prompt.text);

describe('sectionPrompts', () => {
  it('prompts every empty paragraph of an untouched section with its kind’s prompt, list items included', () => {
    const summary = doc(
      titleBlock(),
      section('overview', h(2, 'Overview'), p()),
      section('conclusions', h(2, 'Conclusions'), ul(li(), li())),
    );
    expect(texts(summary)).toEqual([
      SECTION_PROMPTS.overview,
      SECTION_PROMPTS.conclusions,
      SECTION_PROMPTS.conclusions,
    ]);
  });

  it('gives speakers and quotes their own prompts', () => {
    const findings = doc(section({ kind: 'session-findings', sessionId: 's1' }, speaker({}), quote('')));
    expect(texts(findings)).toEqual([SPEAKER_PROMPT, QUOTE_PROMPT]);
  });

  it('once a section has writing, prompts only the empty paragraph being typed in', () => {
    const written = doc(
      section('overview', h(2, 'Overview'), p('Some 50 Member States took part.'), p(), p()),
    );
    expect(texts(written)).toEqual([]);
    const node = build(written);
    // Positions: section opens at 0; heading 1..11; first paragraph ...; the last empty paragraph.
    const lastParagraph = node.content.size - 1 - 2;
    expect(sectionPrompts(node, lastParagraph + 1)).toEqual([
      { pos: lastParagraph, text: SECTION_PROMPTS.overview },
    ]);
  });

  it('hints at the "/" menu in an empty top-level paragraph being typed in, not in an empty document', () => {
    const withText = doc(p('Text.'), p());
    const node = build(withText);
    expect(sectionPrompts(node, node.content.size - 1)).toEqual([
      { pos: node.content.size - 2, text: SLASH_HINT },
    ]);
    expect(texts(doc(p()), 1)).toEqual([]);
  });
});
