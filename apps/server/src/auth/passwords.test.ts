import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('verifies the right password and refuses others, with a fresh salt per hash', async () => {
    const hash = await hashPassword('Côte d’Ivoire 2026');
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(hash).not.toContain('Côte');
    expect(await verifyPassword('Côte d’Ivoire 2026', hash)).toBe(true);
    expect(await verifyPassword('Cote d’Ivoire 2026', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
    expect(await hashPassword('Côte d’Ivoire 2026')).not.toBe(hash);
  });

  it('treats composed and decomposed accents alike', async () => {
    const hash = await hashPassword('São Tomé e Príncipe');
    expect(await verifyPassword('São Tomé e Príncipe'.normalize('NFD'), hash)).toBe(true);
  });

  it('refuses malformed stored hashes instead of throwing', async () => {
    for (const stored of ['', 'plain', 'scrypt$x$8$1$abc$def', 'bcrypt$10$abc', 'scrypt$16384$8$1$$']) {
      expect(await verifyPassword('anything at all', stored)).toBe(false);
    }
  });

  it('asks for 10 to 256 characters', () => {
    expect(passwordProblem('short')).toMatch(/at least 10/);
    expect(passwordProblem('x'.repeat(257))).toMatch(/at most 256/);
    expect(passwordProblem(42)).toMatch(/string/);
    expect(passwordProblem('ten chars!')).toBeNull();
  });
});
