import type Database from 'better-sqlite3';

/** One schema step. `up` runs inside the migration transaction; it must not commit or change pragmas that cannot run in a transaction. */
export interface Migration {
  /** Becomes `PRAGMA user_version` once applied; strictly increasing (0010, 0020, …). */
  version: number;
  name: string;
  up(db: Database.Database): void;
}
