/**
 * The bulk build of the fuzzy index (issue 17): it gives the same index — postings, document
 * frequencies, lookups — as the small-batch indexer on the same queue (adds, a removal, sign-offs
 * with their sentence pairs, units already indexed), and a build stopped half-way (the library
 * closed between two of its transactions) leaves a consistent store that resumes and ends the same.
 */
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { createTmStore, DEFAULT_TUNING, type NewTmUnit } from './tmStore.js';

const SMALL = { minQueue: 100, chunk: 37, perPart: 60 };
const NEVER = { minQueue: Number.MAX_SAFE_INTEGER, chunk: 1, perPart: 1 };

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => removeTempDir(dir));

function open(name: string): Database.Database {
  const db = new Database(path.join(dir, name));
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS);
  return db;
}

const WORDS = 'the storm port city council closed opened rain wind river bridge mayor said on monday tuesday night new road'.split(' ');
function sentence(i: number): string {
  const words = Array.from({ length: 4 + (i % 9) }, (_, k) => WORDS[(i * 7 + k * (3 + (i % 5))) % WORDS.length]!);
  return `${words.join(' ')} ${i % 13}.`;
}
const unit = (i: number): NewTmUnit => ({
  sourceLang: 'en',
  targetLang: i % 11 === 0 ? 'es-MX' : 'es',
  source: sentence(i),
  target: `ES ${i}`,
  origin: 'tmx',
  createdBy: 'x',
  createdAt: '2026-01-01T00:00:00.000Z',
});

/** The same history in any library: units indexed one by one, then a big import with a sign-off and a removal queued among it. */
function fill(db: Database.Database, indexFirst: (db: Database.Database) => void): void {
  createTmStore(db, DEFAULT_TUNING, NEVER).addUnits(
    Array.from({ length: 30 }, (_, i) => unit(i)),
    false,
  );
  indexFirst(db);
  const store = createTmStore(db, DEFAULT_TUNING, NEVER);
  store.addUnits(
    Array.from({ length: 200 }, (_, i) => unit(30 + i)),
    false,
  );
  db.exec(`INSERT INTO documents VALUES ('d1', 'Storm', 'en', 'es', 'txt', 'a', 'a');
    INSERT INTO paragraphs (id, document_id, position, kind, source, target, inline_codes, status, signed_off_name, signed_off_at, updated_at)
    VALUES ('p1', 'd1', 0, 'paragraph', 'Rain fell on the port. Wind rose at night.', 'Llovió en el puerto. Sopló el viento de noche.', '[]', 'signed-off', 'Eva', 'a', 'a');
    DELETE FROM tm_units WHERE id = 3;`);
  store.addUnits(
    Array.from({ length: 100 }, (_, i) => unit(230 + i)),
    false,
  );
}

const table = (db: Database.Database, sql: string) => db.prepare(sql).raw().all();
function snapshot(db: Database.Database) {
  const store = createTmStore(db, DEFAULT_TUNING, NEVER);
  const queries = [...Array.from({ length: 40 }, (_, i) => sentence(i * 8 + 1).replace('the', 'a')), 'Wind rose at night.', sentence(3)];
  return {
    postings: table(db, 'SELECT term, block, hex(ids) FROM tm_postings ORDER BY term, block'),
    terms: table(db, 'SELECT term, df FROM tm_terms WHERE df > 0 ORDER BY term'),
    units: table(db, 'SELECT id, source, tokens, token_count, source_key FROM tm_units ORDER BY id'),
    lookups: queries.map((q) => store.lookup('en', 'es', q).map((m) => [m.unitId, m.score])),
    queue: store.pending(),
  };
}

describe('the bulk build of the index', () => {
  it('gives the same index and lookups as the small-batch indexer', async () => {
    const small = open('small.sqlite');
    fill(small, (db) => createTmStore(db, DEFAULT_TUNING, NEVER).syncIndex());
    await createTmStore(small, DEFAULT_TUNING, NEVER).drainIndex();

    const bulk = open('bulk.sqlite');
    fill(bulk, (db) => createTmStore(db, DEFAULT_TUNING, NEVER).syncIndex());
    const store = createTmStore(bulk, DEFAULT_TUNING, SMALL);
    expect(store.pending()).toBeGreaterThanOrEqual(SMALL.minQueue);
    await store.drainIndex();
    expect(store.building()).toBe(false);
    expect(table(bulk, 'SELECT count(*) FROM tm_index_build_runs')).toEqual([[0]]);

    const expected = snapshot(small);
    expect(expected.queue).toBe(0);
    expect(expected.lookups.filter((l) => l.length > 0).length).toBeGreaterThan(30);
    expect(snapshot(bulk)).toEqual(expected);
    small.close();
    bulk.close();
  });

  it('resumes a build stopped half-way: the store stays consistent and ends as an uninterrupted build', async () => {
    const whole = open('whole.sqlite');
    fill(whole, (db) => createTmStore(db, DEFAULT_TUNING, NEVER).syncIndex());
    await createTmStore(whole, DEFAULT_TUNING, SMALL).drainIndex();

    for (const stopAfter of [3, 12]) {
      const file = `stopped-${stopAfter}.sqlite`;
      const db = open(file);
      fill(db, (d) => createTmStore(d, DEFAULT_TUNING, NEVER).syncIndex());
      const store = createTmStore(db, DEFAULT_TUNING, SMALL);
      const queued = store.pending();
      const draining = store.drainIndex();
      // Stopped between two transactions, as a crash or a closed app would.
      for (let turn = 0; turn < stopAfter; turn++) await new Promise((resolve) => setImmediate(resolve));
      expect(store.building()).toBe(true);
      // What still waits: all while it reads, then less as partitions are written.
      const waiting = store.pending();
      if (stopAfter === 3) expect(waiting).toBe(queued);
      else expect(waiting).toBeLessThan(queued);
      expect(waiting).toBeGreaterThan(0);
      // Meanwhile lookups work (the index as it stands) and the small-batch indexer waits.
      expect(store.lookup('en', 'es', sentence(5))[0]).toMatchObject({ score: 100 });
      expect(store.syncIndex()).toBe(0);
      db.close();
      await draining;

      const reopened = new Database(path.join(dir, file));
      reopened.pragma('foreign_keys = ON');
      const resumed = createTmStore(reopened, DEFAULT_TUNING, SMALL);
      expect(resumed.building()).toBe(true);
      await resumed.drainIndex();
      expect(resumed.building()).toBe(false);
      expect(snapshot(reopened)).toEqual(snapshot(whole));
      reopened.close();
    }
    whole.close();
  });
});
