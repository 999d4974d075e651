import { describe, expect, it } from 'vitest';
import { normalizeHref } from './linkHref.ts';

describe('normalizeHref', () => {
  it('adds https:// to bare addresses', () => {
    expect(normalizeHref(' peacekeeping.un.org/en ')).toEqual({
      ok: true,
      href: 'https://peacekeeping.un.org/en',
    });
    expect(normalizeHref('example.org:8443/x')).toEqual({ ok: true, href: 'https://example.org:8443/x' });
  });

  it('keeps http, https and mailto links as typed', () => {
    expect(normalizeHref('http://un.org')).toEqual({ ok: true, href: 'http://un.org' });
    expect(normalizeHref('mailto:desk@un.org')).toEqual({ ok: true, href: 'mailto:desk@un.org' });
  });

  it('turns an e-mail address into a mailto: link', () => {
    expect(normalizeHref('desk@un.org')).toEqual({ ok: true, href: 'mailto:desk@un.org' });
  });

  it('refuses script and other schemes, blanks and non-addresses', () => {
    expect(normalizeHref('javascript:alert(1)').ok).toBe(false);
    expect(normalizeHref('JavaScript:alert(1)').ok).toBe(false);
    expect(normalizeHref('data:text/html,hi').ok).toBe(false);
    expect(normalizeHref('   ').ok).toBe(false);
    expect(normalizeHref('not a link').ok).toBe(false);
    expect(normalizeHref('summary').ok).toBe(false);
  });
});
