import type { PmNode } from './source.ts';
import type { Run, TextRun } from './types.ts';

/**
 * Links are printed as live links, so only schemes a reader's PDF viewer or Word can open safely
 * survive; anything else (javascript:, file:, data: ...) keeps its text and loses the link.
 */
const SAFE_LINK = /^(https?:\/\/|mailto:)/i;

export function safeHref(href: unknown): string | undefined {
  return typeof href === 'string' && SAFE_LINK.test(href.trim()) ? href.trim() : undefined;
}

function textRun(node: PmNode): TextRun {
  const run: TextRun = { text: node.text ?? '' };
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') run.bold = true;
    else if (mark.type === 'italic') run.italic = true;
    else if (mark.type === 'underline') run.underline = true;
    else if (mark.type === 'strike') run.strike = true;
    else if (mark.type === 'link') {
      const href = safeHref(mark.attrs?.href);
      if (href) run.href = href;
    }
  }
  return run;
}

function sameFormat(a: TextRun, b: TextRun): boolean {
  return (
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.underline === b.underline &&
    a.strike === b.strike &&
    a.href === b.href
  );
}

/** The inline content of a paragraph or heading as runs, neighbours of one format merged. */
export function toRuns(nodes: readonly PmNode[] | undefined): Run[] {
  const runs: Run[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') {
      runs.push({ break: true });
      continue;
    }
    if (node.type !== 'text' || !node.text) continue;
    const run = textRun(node);
    const last = runs[runs.length - 1];
    if (last && !('break' in last) && sameFormat(last, run)) last.text += run.text;
    else runs.push(run);
  }
  return runs;
}

/** The plain text of runs (line breaks as spaces). */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => ('break' in r ? ' ' : r.text)).join('');
}

/** True when a block has nothing to print (an empty template prompt). */
export function isBlank(runs: readonly Run[]): boolean {
  return runsText(runs).trim() === '';
}
