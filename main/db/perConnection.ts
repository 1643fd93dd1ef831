/**
 * Statements (or anything else) prepared once per database connection: kept in a WeakMap, so a
 * closed library's go with its connection.
 */
import type Database from 'better-sqlite3';

export function perConnection<T>(prepare: (db: Database.Database) => T): (db: Database.Database) => T {
  const cache = new WeakMap<Database.Database, T>();
  return (db) => {
    let value = cache.get(db);
    if (value === undefined) {
      value = prepare(db);
      cache.set(db, value);
    }
    return value;
  };
}
