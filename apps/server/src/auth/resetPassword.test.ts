import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStorage } from '../storage/sqlite.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { resetPassword } from './resetPassword.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('resetPassword', () => {
  it('sets a new random password and ends every session of the account', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plenary-reset-'));
    dirs.push(dir);
    const storage = SqliteStorage.open(dir);
    try {
      const at = new Date().toISOString();
      await storage.accounts.createFirstUser({
        id: 'u1',
        email: 'admin@example.org',
        name: 'Admin',
        isAdmin: true,
        createdAt: at,
        passwordHash: await hashPassword('forgotten password'),
      });
      await storage.accounts.createSession({
        idHash: 's1',
        userId: 'u1',
        csrfToken: 'c',
        createdAt: at,
        expiresAt: '2999-01-01T00:00:00.000Z',
      });
      const { password, endedSessions } = await resetPassword(storage, ' Admin@Example.org ');
      expect(password.length).toBeGreaterThanOrEqual(20);
      expect(endedSessions).toBe(1);
      const user = (await storage.accounts.getUser('u1'))!;
      expect(await verifyPassword(password, user.passwordHash)).toBe(true);
      expect(await verifyPassword('forgotten password', user.passwordHash)).toBe(false);
      await expect(resetPassword(storage, 'nobody@example.org')).rejects.toThrow(/no account/);
    } finally {
      await storage.close();
    }
  });
});
