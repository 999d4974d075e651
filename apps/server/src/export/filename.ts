/**
 * File names for exports. The plain name is ASCII only (letters, digits and dashes), safe in any
 * header, file system and mail client; `filename*` carries the title as written, for clients
 * that read RFC 6266 / 5987. Neither can hold a path separator, a quote or a control character,
 * so a title cannot smuggle a path or break out of the header.
 */
const MAX_NAME = 80;

export function asciiFilename(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // accents off their letters: "Côte" → "Cote"
    .replace(/['’‘]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_NAME)
    .replace(/-+$/, '');
  return `${base || 'chairs-summary'}.${extension}`;
}

export function unicodeFilename(title: string, extension: string): string {
  const base = title
    .replace(/[\p{Cc}\p{Cf}\\/:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120)
    .trim();
  return `${base || 'chairs-summary'}.${extension}`;
}

/** RFC 5987 value: percent-encoded UTF-8, with the characters encodeURIComponent leaves alone too. */
function ext5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export function contentDisposition(kind: 'inline' | 'attachment', title: string, extension: string): string {
  return `${kind}; filename="${asciiFilename(title, extension)}"; filename*=UTF-8''${ext5987(unicodeFilename(title, extension))}`;
}
