/**
 * A value read once per connection while a bulk write runs (an import, a pre-fill) and kept until
 * it ends, however it ends: the audit chain's head (auditRepo.ts), team membership
 * (captureSwitch.ts). Only inside a transaction; nested runs share the outer one's value.
 */
import type Database from 'better-sqlite3';

export interface KeptDuringWrite<V> {
  /** Runs `fn` with the value kept (null until first `keep`). */
  during<T>(db: Database.Database, fn: () => T): T;
  /** The kept value; null before it is first kept, undefined outside `during`. */
  get(db: Database.Database): V | null | undefined;
  /** Keeps `value` while `during` runs (nothing outside it). */
  keep(db: Database.Database, value: V): void;
}

/** `name`: the scope's function, for the error when called outside a transaction. */
export function keptDuringWrite<V>(name: string): KeptDuringWrite<V> {
  const kept = new WeakMap<Database.Database, V | null>();
  return {
    during(db, fn) {
      if (!db.inTransaction) throw new Error(`${name}: not inside a transaction`);
      if (kept.has(db)) return fn();
      kept.set(db, null);
      try {
        return fn();
      } finally {
        kept.delete(db);
      }
    },
    get: (db) => kept.get(db),
    keep(db, value) {
      if (kept.has(db)) kept.set(db, value);
    },
  };
}
