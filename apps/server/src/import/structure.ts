import type { JSONContent } from '@tiptap/core';
import type { SectionKind, Session } from '@plenary/schema';

/** A heading that opens a known kind of section, matched on its text. */
const SECTION_HEADINGS: Array<[RegExp, SectionKind]> = [
  [/^(overview|introduction|background)\b/i, 'overview'],
  [/^(opening|keynote)/i, 'opening'],
  [/^(main\s+)?conclusions?\b/i, 'conclusions'],
  [/^(key\s+)?recommendations?\b/i, 'recommendations'],
  [/^key\s+take[- ]?aways?\b/i, 'key-takeaways'],
  [/^(wrap[- ]?up|closing)\b/i, 'wrap-up'],
  [/^annex(es)?\b/i, 'annex'],
];

/** "Session 3 – Title", "Panel III: Title", "Breakout session 2. Title" */
const SESSION_HEADING =
  /^(?:(?:break[- ]?out|plenary|parallel)\s+)?(?:session|panel)\s+([0-9]+|[IVXLC]+)\b\s*[-–—:.)]?\s*(.*)$/i;

export interface StructuredImport {
  /** Text of a leading level-1 heading, if any (the document's title). */
  title: string | null;
  sessions: Session[];
  body: JSONContent;
}

function plainText(node: JSONContent): string {
  if (node.type === 'text') return node.text ?? '';
  return (node.content ?? []).map(plainText).join('');
}

/**
 * Groups imported blocks into Plenary's sections by their headings: "Conclusions",
 * "Recommendations", "Session 3 ..." and the like open a section of that kind (a session heading
 * becomes a session in the sessions list, its heading rendered from it); other headings open a
 * generic section; text before the first heading stays loose at the top.
 */
export function structureImport(blocks: JSONContent[], newId: () => string): StructuredImport {
  let title: string | null = null;
  let rest = blocks;
  if (rest[0]?.type === 'heading' && rest[0].attrs?.level === 1) {
    title = plainText(rest[0]).trim() || null;
    rest = rest.slice(1);
  }
  const sessions: Session[] = [];
  const out: JSONContent[] = [];
  let current: JSONContent | null = null;
  const sectionLevel = Math.min(
    ...rest.filter((b) => b.type === 'heading').map((b) => Number(b.attrs?.level ?? 2)),
    99,
  );

  for (const block of rest) {
    if (block.type === 'heading' && Number(block.attrs?.level) === sectionLevel) {
      const text = plainText(block).trim();
      const session = SESSION_HEADING.exec(text);
      if (session) {
        const id = newId();
        sessions.push({
          id,
          day: null,
          title: session[2]!.trim() || text,
          facilitator: '',
          speakers: [],
          guidingQuestions: [],
          description: '',
        });
        current = {
          type: 'section',
          attrs: { kind: 'session-findings', sessionId: id },
          content: [{ type: 'sessionHeading', attrs: { sessionId: id } }],
        };
      } else {
        const kind = SECTION_HEADINGS.find(([pattern]) => pattern.test(text))?.[1] ?? 'generic';
        current = {
          type: 'section',
          attrs: { kind, sessionId: null },
          content: [{ ...block, attrs: { level: 2 } }],
        };
      }
      out.push(current);
      continue;
    }
    if (current) current.content!.push(block);
    else out.push(block);
  }
  for (const node of out) {
    // Items of lists under a "Recommendations" heading are recommendations (issue #4).
    if (node.type === 'section' && node.attrs?.kind === 'recommendations') {
      for (const block of node.content ?? []) {
        if (block.type !== 'orderedList' && block.type !== 'bulletList') continue;
        block.content = (block.content ?? []).map((item) => ({
          ...item,
          attrs: { ...item.attrs, recId: newId() },
        }));
      }
    }
    // A section needs a block after a session heading (an atom); give it an empty paragraph.
    if (
      node.type === 'section' &&
      node.content!.length === 1 &&
      node.content![0]!.type === 'sessionHeading'
    ) {
      node.content!.push({ type: 'paragraph' });
    }
  }
  if (out.length === 0) out.push({ type: 'paragraph' });
  return { title, sessions, body: { type: 'doc', content: out } };
}
