import type Database from 'better-sqlite3';

/** SQLITE_BUSY and its extended codes (BUSY_SNAPSHOT, BUSY_RECOVERY, BUSY_TIMEOUT). */
export const isBusy = (error: unknown): boolean => {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
};

const BUSY_RETRIES = 5;

/**
 * Runs `work` as a write: in an immediate transaction, which takes the write lock before it reads,
 * so another connection's commit cannot invalidate what it read (SQLITE_BUSY_SNAPSHOT, which
 * busy_timeout does not wait out). Waiting for the lock is busy_timeout's; a write still refused
 * is tried again whole. Inside another transaction it is a savepoint, as better-sqlite3 nests them.
 */
export function writeTransaction<T>(sqlite: Database.Database, work: () => T): T {
  for (let attempt = 1; ; attempt++) {
    try {
      return sqlite.transaction(work).immediate();
    } catch (error) {
      if (sqlite.inTransaction || !isBusy(error) || attempt >= BUSY_RETRIES) throw error;
    }
  }
}
