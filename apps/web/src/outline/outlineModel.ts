import type { Node as PMNode } from '@tiptap/pm/model';
import { SECTION_LABELS, isSectionKind, type Session } from '@plenary/schema';
import { sessionLabel } from '../structure/format.ts';

/** One line of the outline: a part of the document, or a heading inside one. */
export interface OutlineEntry {
  /** Position of the node to jump to. */
  readonly pos: number;
  /** 0 for a part, 1 and deeper for headings inside it (by level). */
  readonly depth: number;
  readonly label: string;
  /** Index of the top-level part this entry belongs to. */
  readonly part: number;
  readonly kind: 'title' | 'part' | 'session' | 'heading';
}

/**
 * The outline of a document: its top-level parts (the title block, each section by its session
 * "Session N – Title", its first heading or its kind) and the headings inside them, nested by
 * level. Pure, so the panel stays a view of whatever the document is right now.
 */
export function buildOutline(doc: PMNode, sessions: readonly Session[]): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  let part = 0;
  doc.forEach((node, pos) => {
    const index = part++;
    if (node.type.name === 'titleBlock') {
      const heading = String(node.attrs.heading ?? '').trim();
      entries.push({ pos, depth: 0, label: heading || 'Title block', part: index, kind: 'title' });
      return;
    }
    if (node.type.name === 'heading') {
      if (node.textContent.trim())
        entries.push({ pos, depth: 0, label: node.textContent.trim(), part: index, kind: 'heading' });
      return;
    }
    if (node.type.name !== 'section') return;
    const headings: Array<{ pos: number; level: number; text: string }> = [];
    node.descendants((child, offset) => {
      if (child.type.name === 'heading' && child.textContent.trim())
        headings.push({ pos: pos + 1 + offset, level: Number(child.attrs.level) || 1, text: child.textContent.trim() });
      return child.type.name !== 'heading';
    });
    const sessionAt = sessions.findIndex((s) => s.id === node.attrs.sessionId);
    const kind = node.attrs.kind as unknown;
    let label: string;
    let rest = headings;
    if (sessionAt >= 0) label = sessionLabel(sessionAt + 1, sessions[sessionAt]!.title);
    else if (headings[0]) {
      label = headings[0].text;
      rest = headings.slice(1);
    } else label = isSectionKind(kind) ? SECTION_LABELS[kind] : 'Section';
    entries.push({ pos, depth: 0, label, part: index, kind: sessionAt >= 0 ? 'session' : 'part' });
    const top = Math.min(...rest.map((h) => h.level));
    for (const heading of rest)
      entries.push({ pos: heading.pos, depth: 1 + heading.level - top, label: heading.text, part: index, kind: 'heading' });
  });
  return entries;
}

/** Index of the top-level part holding position `pos`, or -1. */
export function partAt(doc: PMNode, pos: number): number {
  let found = -1;
  let index = 0;
  doc.forEach((node, offset) => {
    if (found < 0 && pos >= offset && pos <= offset + node.nodeSize) found = index;
    index += 1;
  });
  return found;
}
