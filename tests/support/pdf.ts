import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfReading {
  numPages: number;
  /** Text of each page in content order, lines joined with "\n". */
  pages: string[];
  /** The document information dictionary (Title, Author, Subject, Keywords ...). */
  info: Record<string, unknown>;
  /** The XMP metadata packet, raw. */
  xmp: string | null;
  /** Titles of the bookmarks (outline), depth first. */
  outline: string[];
  /** The catalog's MarkInfo says the PDF is tagged. */
  marked: boolean;
  /** Roles of the structure tree of page 1, depth first (e.g. "H1", "P", "L", "LI"). */
  structRoles: string[];
}

interface StructNode {
  role?: string;
  children?: StructNode[];
}

function roles(node: StructNode | null, out: string[] = []): string[] {
  if (!node) return out;
  if (node.role) out.push(node.role);
  for (const child of node.children ?? []) roles(child, out);
  return out;
}

/** Reads a PDF the way a reader's viewer would: pdf.js in Node (legacy build, no worker thread). */
export async function readPdf(bytes: Uint8Array): Promise<PdfReading> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
  }).promise;
  try {
    const pages: string[] = [];
    let structRoles: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(
        content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''),
      );
      if (n === 1) structRoles = roles((await page.getStructTree()) as StructNode | null);
    }
    const meta = await pdf.getMetadata();
    const outline = (await pdf.getOutline()) ?? [];
    const titles: string[] = [];
    const walk = (items: Array<{ title: string; items: unknown[] }>) => {
      for (const item of items) {
        titles.push(item.title);
        walk(item.items as typeof items);
      }
    };
    walk(outline as Array<{ title: string; items: unknown[] }>);
    const markInfo = (await pdf.getMarkInfo()) as { Marked?: boolean } | null;
    return {
      numPages: pdf.numPages,
      pages,
      info: meta.info as Record<string, unknown>,
      xmp: meta.metadata ? meta.metadata.getRaw() : null,
      outline: titles,
      marked: markInfo?.Marked === true,
      structRoles,
    };
  } finally {
    await pdf.destroy();
  }
}

const PDFTOPPM = ['/usr/bin/pdftoppm', '/usr/local/bin/pdftoppm'].find((p) => fs.existsSync(p));

/**
 * Renders page 1 to test-output/<name>.png for people to look at (pdftoppm, from poppler-utils).
 * Returns the PNG's path, or null with a message when pdftoppm is not installed.
 */
export function renderFirstPage(bytes: Uint8Array, name: string): string | null {
  if (!PDFTOPPM) {
    console.warn(`pdftoppm not found: skipping the PNG of ${name} (apt-get install poppler-utils)`);
    return null;
  }
  const dir = path.resolve('test-output');
  fs.mkdirSync(dir, { recursive: true });
  const pdfPath = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(pdfPath, bytes);
  execFileSync(PDFTOPPM, [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdfPath,
    path.join(dir, name),
  ]);
  return path.join(dir, `${name}.png`);
}
