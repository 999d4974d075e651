import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { POSTGRES_URL, serviceAvailable } from '../../../../tests/support/services.ts';
import { runAccountsContract } from './accountsContract.ts';
import { runStorageContract } from './contract.ts';
import { PostgresStorage, migratePostgres } from './postgres.ts';

// One schema per run, dropped at the end, so runs never see each other's rows.
const schema = `plenary_test_${randomBytes(4).toString('hex')}`;
const available = await serviceAvailable('PostgreSQL');

describe.runIf(available)('PostgresStorage', () => {
  let n = 0;
  runStorageContract('postgres', async () => {
    // Each contract test gets its own schema: a clean database, as the suite expects.
    return PostgresStorage.open(POSTGRES_URL, { schema: `${schema}_${++n}` });
  });
  runAccountsContract('postgres', async () =>
    PostgresStorage.open(POSTGRES_URL, { schema: `${schema}_${++n}` }),
  );

  it('migrations are idempotent', async () => {
    await migratePostgres(POSTGRES_URL, `${schema}_m`);
    expect(await migratePostgres(POSTGRES_URL, `${schema}_m`)).toEqual([]);
  });
});

afterAll(async () => {
  if (!available) return;
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  const { rows } = await client.query<{ nspname: string }>(
    `SELECT nspname FROM pg_namespace WHERE nspname LIKE $1`,
    [`${schema}%`],
  );
  for (const row of rows) await client.query(`DROP SCHEMA IF EXISTS ${row.nspname} CASCADE`);
  await client.end();
});
