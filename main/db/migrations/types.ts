import type Database from 'better-sqlite3';

/** One schema step. `up` runs inside the migration transaction; it must not commit or change pragmas that cannot run in a transaction. */
export interface Migration {
  /** Becomes `PRAGMA user_version` once applied; strictly increasing (0010, 0020, …). */
  version: number;
  name: string;
  up(db: Database.Database): void;
  /**
   * Runs with foreign-key enforcement off, for rebuilding a table (SQLite's documented procedure:
   * a DROP TABLE would otherwise cascade into the tables that reference it). The migration run
   * still ends with `foreign_key_check`, so a violation rolls everything back.
   */
  foreignKeysOff?: boolean;
}
