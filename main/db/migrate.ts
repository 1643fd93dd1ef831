/**
 * Applies pending migrations in order, all inside ONE transaction, and records the schema version
 * in `PRAGMA user_version`. A database written by a newer Verso is refused untouched.
 */
import type Database from 'better-sqlite3';
import { ServiceError } from '../core/serviceError.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export interface MigrationResult {
  from: number;
  to: number;
  applied: string[];
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function checkOrder(migrations: readonly Migration[]): void {
  let last = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= last) {
      throw new Error(`Migration versions must be increasing integers: ${m.version} (${m.name}) follows ${last}`);
    }
    last = m.version;
  }
}

/** Throws DB_TOO_NEW when the database's schema is newer than `migrations` know; reads only. */
export function assertNotTooNew(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): void {
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new ServiceError(
      'DB_TOO_NEW',
      `This library was written by a newer version of Verso (schema ${current}; this version knows up to ${latest}). ` +
        'Update Verso to open it; the library was not changed.',
      { found: current, supported: latest },
    );
  }
}

export interface MigrateHooks {
  /**
   * Runs before pending migrations change a database that already holds a library (schema > 0),
   * outside the migration transaction: the pre-migration backup. Throwing stops the migration.
   */
  beforeMigrations?: (info: { from: number; to: number }) => void;
}

export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS, hooks: MigrateHooks = {}): MigrationResult {
  checkOrder(migrations);
  assertNotTooNew(db, migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const current = schemaVersion(db);
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return { from: current, to: current, applied: [] };
  if (current > 0) hooks.beforeMigrations?.({ from: current, to: latest });

  // A table rebuild needs enforcement off; the pragma cannot change inside a transaction.
  const enforced = db.pragma('foreign_keys', { simple: true }) === 1;
  const keysOff = enforced && pending.some((m) => m.foreignKeysOff === true);
  if (keysOff) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) m.up(db);
      // user_version is part of the database header and therefore of this transaction.
      db.pragma(`user_version = ${latest}`);
      const violations = db.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        // Throwing here rolls every pending migration back.
        throw new Error(`Migration left ${violations.length} foreign key violation(s)`);
      }
    }).immediate();
  } finally {
    if (keysOff) db.pragma('foreign_keys = ON');
  }
  return { from: current, to: latest, applied: pending.map((m) => `${String(m.version).padStart(4, '0')}-${m.name}`) };
}
