/**
 * The token count of every indexed unit, by unit id, kept in memory (2 bytes a unit: 2 MB at
 * 1,000,000 units) so that a lookup can rank its candidates by length without reading them: a unit
 * much longer than the query scores low however many terms it shares. New ids are read on each
 * lookup; a big gap (the first lookup of a session over a large TM: reading 1,000,000 counts takes
 * about a second) is read in the background, WARM_CHUNK ids per turn of the event loop, and until
 * then those units' lengths are unknown (0), which makes their rank neutral (length-blind). The
 * indexer of this process keeps the counts in step; a unit indexed by another process reads as
 * unknown.
 */
import type Database from 'better-sqlite3';

/** Ids read in one go (a few tens of milliseconds at most). */
export const WARM_CHUNK = 20_000;

export function createUnitLengths(db: Database.Database) {
  let lengths = new Uint16Array(0);
  /** Ids up to this one have been read from the database. */
  let readUpTo = 0;
  const rangeStmt = db
    .prepare<[number, number], [number, number]>(
      'SELECT id, token_count FROM tm_units WHERE id > ? AND id <= ? AND token_count IS NOT NULL',
    )
    .raw();
  const idsStmt = db
    .prepare<[string], [number, number]>(
      'SELECT id, token_count FROM tm_units WHERE id IN (SELECT value FROM json_each(?)) AND token_count IS NOT NULL',
    )
    .raw();
  const maxIdStmt = db.prepare<[], number | null>('SELECT max(id) FROM tm_units').pluck();

  function grow(id: number): void {
    if (id < lengths.length) return;
    const bigger = new Uint16Array(Math.max(id + 1, lengths.length * 2, 1024));
    bigger.set(lengths);
    lengths = bigger;
  }
  function read(to: number): void {
    grow(to);
    for (const [id, count] of rangeStmt.iterate(readUpTo, to)) lengths[id] = Math.min(count, 0xffff);
    readUpTo = to;
  }

  let warming: Promise<void> | null = null;
  /** Reads every unit's count, WARM_CHUNK ids per turn of the event loop. */
  function warm(): Promise<void> {
    warming ??= (async () => {
      try {
        for (let max = maxIdStmt.get() ?? 0; db.open && readUpTo < max; max = maxIdStmt.get() ?? 0) {
          read(Math.min(max, readUpTo + WARM_CHUNK));
          await new Promise((resolve) => setImmediate(resolve));
        }
      } finally {
        warming = null;
      }
    })();
    return warming;
  }

  return {
    warm,
    /** The lengths (index by unit id; 0 when unknown), read up to `maxId` unless that is a big gap, which is read in the background. */
    upTo(maxId: number): Uint16Array {
      if (maxId - readUpTo <= WARM_CHUNK) read(Math.max(readUpTo, maxId));
      else void warm();
      grow(maxId);
      return lengths;
    },
    /** Reads the counts of units just indexed (by this process). */
    refresh(ids: readonly number[]): void {
      if (ids.length === 0) return;
      for (const [id, count] of idsStmt.iterate(JSON.stringify(ids))) {
        grow(id);
        lengths[id] = Math.min(count, 0xffff);
      }
    },
  };
}
