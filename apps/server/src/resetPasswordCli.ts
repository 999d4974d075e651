import { resetPassword } from './auth/resetPassword.ts';
import { configFromEnv } from './config.ts';
import { PostgresStorage } from './storage/postgres.ts';
import { SqliteStorage } from './storage/sqlite.ts';

// `npm run reset-password -- <email>`: a new random password for an account, printed once; every
// session of that account ends. Uses the same PLENARY_* variables as the server.
const email = process.argv[2];
if (!email) {
  console.error('usage: npm run reset-password -- <email>');
  process.exit(2);
}
const config = configFromEnv();
const storage = config.databaseUrl
  ? await PostgresStorage.open(config.databaseUrl)
  : SqliteStorage.open(config.dataDir, { fsync: config.fsync });
try {
  const { password, endedSessions } = await resetPassword(storage, email);
  console.log(`New password for ${email}: ${password}`);
  console.log(`(${endedSessions} session(s) ended; their open websockets close within 30 seconds)`);
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await storage.close();
}
