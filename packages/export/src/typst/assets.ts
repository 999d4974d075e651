import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/** The fixed template, shipped next to the sources (never built from user text). */
export const TEMPLATE_PATH = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../typst/summary.typ',
);

export function readTemplate(): string {
  return fs.readFileSync(TEMPLATE_PATH, 'utf8');
}

/**
 * Font files from npm packages, so a server needs no system fonts and every machine sets the
 * same glyphs: Tinos (metric-compatible with Times New Roman, the UN house font, so PDF and Word
 * paginate alike) in four faces, and Noto Naskh Arabic for Arabic names.
 */
export function fontFiles(): string[] {
  const tinos = path.dirname(require.resolve('@expo-google-fonts/tinos/package.json'));
  // @embedpdf/fonts-arabic exports only its entry point: find the package folder from it.
  const arabic = path.resolve(path.dirname(require.resolve('@embedpdf/fonts-arabic')), '..', 'fonts');
  return [
    path.join(tinos, '400Regular', 'Tinos_400Regular.ttf'),
    path.join(tinos, '400Regular_Italic', 'Tinos_400Regular_Italic.ttf'),
    path.join(tinos, '700Bold', 'Tinos_700Bold.ttf'),
    path.join(tinos, '700Bold_Italic', 'Tinos_700Bold_Italic.ttf'),
    path.join(arabic, 'NotoNaskhArabic-Regular.ttf'),
    path.join(arabic, 'NotoNaskhArabic-Bold.ttf'),
  ];
}

export function readFonts(): Buffer[] {
  return fontFiles().map((file) => fs.readFileSync(file));
}
