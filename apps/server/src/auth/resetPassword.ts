import type { Storage } from '../storage/Storage.ts';
import { normalizeEmail } from './AuthService.ts';
import { hashPassword } from './passwords.ts';
import { newSecret } from './secrets.ts';

/**
 * Gives an account a new random password and ends all its sessions: the way back in for an
 * admin who lost theirs (there is no mail-based reset). Run on the server, by whoever can read
 * its database: `npm run reset-password -- <email>`. Returns the new password.
 */
export async function resetPassword(
  storage: Storage,
  email: string,
): Promise<{ password: string; endedSessions: number }> {
  const user = await storage.accounts.getUserByEmail(normalizeEmail(email));
  if (!user) throw new Error(`no account for ${JSON.stringify(email)}`);
  // 18 random bytes: 24 characters of base64url, well past the 10-character minimum.
  const password = newSecret().slice(0, 24);
  await storage.accounts.setPassword(user.id, await hashPassword(password));
  const ended = await storage.accounts.deleteSessionsOf(user.id);
  return { password, endedSessions: ended.length };
}
