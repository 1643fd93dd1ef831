/**
 * The token count of every indexed unit, by unit id, kept in memory (2 bytes a unit: 2 MB at
 * 1,000,000 units) so that a lookup can rank its candidates by length without reading them: a unit
 * much longer than the query scores low however many terms it shares. Loaded on the first lookup,
 * extended to new ids on each later one, and kept in step by the indexer of this process; a unit
 * indexed by another process reads as unknown (0) until then, which only makes its rank neutral.
 */
import type Database from 'better-sqlite3';

export function createUnitLengths(db: Database.Database) {
  let lengths = new Uint16Array(0);
  /** Ids up to this one have been read from the database. */
  let readUpTo = 0;
  const sinceStmt = db
    .prepare<[number, number], [number, number]>(
      'SELECT id, token_count FROM tm_units WHERE id > ? AND id <= ? AND token_count IS NOT NULL',
    )
    .raw();

  function grow(id: number): void {
    if (id < lengths.length) return;
    const bigger = new Uint16Array(Math.max(id + 1, lengths.length * 2, 1024));
    bigger.set(lengths);
    lengths = bigger;
  }

  return {
    /** The lengths, read up to `maxId`: index by unit id; 0 when unknown. */
    upTo(maxId: number): Uint16Array {
      grow(maxId);
      if (maxId > readUpTo) {
        for (const [id, count] of sinceStmt.iterate(readUpTo, maxId)) lengths[id] = Math.min(count, 0xffff);
        readUpTo = maxId;
      }
      return lengths;
    },
    set(id: number, count: number): void {
      grow(id);
      lengths[id] = Math.min(count, 0xffff);
    },
  };
}
