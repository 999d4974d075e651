const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export type HrefResult =
  | { readonly ok: true; readonly href: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Turns what a person types into a link target: "un.org/peacekeeping" becomes
 * "https://un.org/peacekeeping", "desk@example.org" becomes a mailto: link. Anything that is not
 * http(s) or mailto (javascript:, data:, file:) is refused here, before the schema's own check.
 */
export function normalizeHref(input: string): HrefResult {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'Enter a web address or an e-mail address.' };
  if (/\s/.test(text)) return { ok: false, reason: 'A web address cannot contain spaces.' };
  const candidate = EMAIL.test(text)
    ? `mailto:${text}`
    : HAS_SCHEME.test(text) && !/^[^:]+:\d/.test(text)
      ? text
      : `https://${text}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, reason: `"${text}" is not a web address.` };
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) {
    return { ok: false, reason: 'Only web (https://) and e-mail (mailto:) links are allowed.' };
  }
  if (url.protocol !== 'mailto:' && !url.hostname.includes('.') && url.hostname !== 'localhost') {
    return { ok: false, reason: `"${text}" is not a web address.` };
  }
  return { ok: true, href: candidate };
}
