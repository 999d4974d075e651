import { configFromEnv } from './config.ts';
import { migratePostgres } from './storage/postgres.ts';

// `npm run migrate`: brings the PostgreSQL schema up to date (the server also does so on start).
// SQLite needs no step: its schema is created when the data folder is opened.
const config = configFromEnv();
if (!config.databaseUrl) {
  console.log('PLENARY_DATABASE_URL is not set: SQLite needs no migration.');
} else {
  const applied = await migratePostgres(config.databaseUrl);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the schema is up to date');
}
