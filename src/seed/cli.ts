import { loadConfig } from '../config';
import { openDatabase, runMigrations } from '../db/client';
import { loadSeeds } from './seeds';
import { seedDatabase } from './load';

// `npm run db:seed`: migrate, then load seeds/ into DATABASE_PATH. Safe to run again.
const config = loadConfig();
const { db, close } = openDatabase(config.DATABASE_PATH);
try {
  runMigrations(db);
  const summary = seedDatabase(db, loadSeeds());
  console.log(`Seeded ${config.DATABASE_PATH}: ${JSON.stringify(summary)}`);
} finally {
  close();
}
