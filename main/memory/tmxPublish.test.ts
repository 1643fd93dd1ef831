/**
 * Publishing a staged import in short transactions (issue 17): all units in file order, duplicates
 * and units already there skipped; a Cancel while adding removes what was added; a crash while
 * adding is undone at the next start, one while "replace" removes the earlier units is completed;
 * other writes between two transactions are kept.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.js';
import type { NewTmUnit } from './tmStore.js';
import { createTmxPublisher, recoverPublishing } from './tmxPublish.js';
import { clearTmxLeftovers, createTmxStaging } from './tmxStaging.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';

const dbs: Database.Database[] = [];
afterEach(() => {
  while (dbs.length > 0) dbs.pop()!.close();
});

function open(): Database.Database {
  const db = new Database(':memory:');
  migrate(db);
  dbs.push(db);
  return db;
}

const unit = (i: number, target = `T ${i}`): NewTmUnit => ({
  sourceLang: 'en',
  targetLang: 'es',
  source: `Source ${i}`,
  target,
  origin: 'tmx',
  createdBy: 'desk',
  createdAt: '2026-12-03T00:00:00.000Z',
});
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => unit(from + i));
const sources = (db: Database.Database, origin = 'tmx') =>
  db.prepare<[string], string>('SELECT source FROM tm_units WHERE origin = ? ORDER BY id').pluck().all(origin);
const pair = { sourceLang: 'en', targetLang: 'es' };

function stage(db: Database.Database, units: NewTmUnit[]): { importId: number; staged: number } {
  const staging = createTmxStaging(db);
  const importId = staging.begin();
  let staged = 0;
  for (let at = 0; at < units.length; at += 100) staged += staging.add(importId, units.slice(at, at + 100));
  return { importId, staged };
}

describe('publishing a staged TMX import', () => {
  it('copies every new unit in file order, a few rows per transaction, skipping repeats and units already there', async () => {
    const db = open();
    const first = stage(db, range(0, 30));
    await createTmxPublisher(db, 7).publish(first.importId, first.staged, { ...pair, mode: 'merge', signal: new AbortController().signal });
    const { importId, staged } = stage(db, [...range(25, 60), unit(40)]);
    expect(staged).toBe(35);
    let between = 0;
    let running = true;
    // Another request writes between two of the publisher's transactions: it is kept.
    const other = (): void => {
      if (between++ === 2) db.prepare(`INSERT INTO settings (key, value) VALUES ('written.meanwhile', '1')`).run();
      if (running) setImmediate(other);
    };
    setImmediate(other);
    const result = await createTmxPublisher(db, 7).publish(importId, staged, {
      ...pair,
      mode: 'merge',
      signal: new AbortController().signal,
    });
    running = false;
    expect(result).toMatchObject({ added: 30, present: 5, removed: 0 });
    expect(between).toBeGreaterThan(2);
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'written.meanwhile'`).pluck().get()).toBe('1');
    expect(sources(db)).toEqual(range(0, 60).map((u) => u.source));
    expect(db.prepare('SELECT count(*) FROM tm_import_publishing').pluck().get()).toBe(0);
  });

  it('replace: the new units first, then the earlier TMX units removed; sign-off units stay', async () => {
    const db = open();
    const earlier = stage(db, range(0, 20));
    await createTmxPublisher(db, 6).publish(earlier.importId, earlier.staged, {
      ...pair,
      mode: 'merge',
      signal: new AbortController().signal,
    });
    const { importId, staged } = stage(db, range(10, 15));
    const result = await createTmxPublisher(db, 6).publish(importId, staged, {
      ...pair,
      mode: 'replace',
      signal: new AbortController().signal,
    });
    // The earlier copies of 10–14 do not count as present: they are being replaced.
    expect(result).toMatchObject({ added: 5, present: 0, removed: 20 });
    expect(sources(db)).toEqual(range(10, 15).map((u) => u.source));
  });

  it('a Cancel while adding removes what was added; the staged rows are untouched for the caller to discard', async () => {
    const db = open();
    const { importId, staged } = stage(db, range(0, 50));
    const cancel = new AbortController();
    let turns = 0;
    const tick = (): void => {
      if (++turns === 4) cancel.abort(new Error('cancelled'));
      else setImmediate(tick);
    };
    setImmediate(tick);
    const committed: string[] = [];
    await expect(
      createTmxPublisher(db, 5).publish(importId, staged, {
        ...pair,
        mode: 'merge',
        signal: cancel.signal,
        committed: () => committed.push('yes'),
      }),
    ).rejects.toThrow('cancelled');
    expect(turns).toBe(4);
    expect(sources(db)).toEqual([]);
    expect(committed).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM tm_import_publishing').pluck().get()).toBe(0);
  });

  it("'published' runs inside the transaction that ends publishing, told the first new unit's id; if it throws, the import is undone as after a crash", async () => {
    const db = open();
    for (const mode of ['merge', 'replace'] as const) {
      const { importId, staged } = stage(db, range(100, 110));
      const seen: { first: number; inTransaction: boolean; intent: unknown }[] = [];
      await createTmxPublisher(db, 4).publish(importId, staged, {
        ...pair,
        mode,
        signal: new AbortController().signal,
        published: (first) =>
          seen.push({
            first,
            inTransaction: db.inTransaction,
            intent: db.prepare('SELECT state FROM tm_import_publishing').pluck().get() ?? null,
          }),
      });
      const firstId = db.prepare<[], number>("SELECT min(id) FROM tm_units WHERE source = 'Source 100'").pluck().get()!;
      // Merge: with the intent's deletion; replace: with its move to removing the earlier units.
      expect(seen).toEqual([{ first: firstId, inTransaction: true, intent: mode === 'merge' ? null : 'removing-earlier' }]);
      db.prepare('DELETE FROM tm_units').run();
      db.prepare('DELETE FROM tm_import_staging').run();
    }
    const { importId, staged } = stage(db, range(0, 10));
    await expect(
      createTmxPublisher(db, 4).publish(importId, staged, {
        ...pair,
        mode: 'merge',
        signal: new AbortController().signal,
        published: () => {
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow('disk full');
    // The intent is still there, as a crash would leave it: the next start removes the units.
    expect(db.prepare('SELECT state FROM tm_import_publishing').pluck().get()).toBe('adding');
    recoverPublishing(db);
    expect(sources(db)).toEqual([]);
  });

  it('refuses to publish when staged rows are missing (another process cleaned them up)', async () => {
    const db = open();
    const { importId, staged } = stage(db, range(0, 10));
    db.prepare('DELETE FROM tm_import_staging WHERE id IN (SELECT id FROM tm_import_staging LIMIT 1)').run();
    await expect(
      createTmxPublisher(db).publish(importId, staged, { ...pair, mode: 'merge', signal: new AbortController().signal }),
    ).rejects.toThrow(/incomplete \(9 of 10\)/);
    expect(sources(db)).toEqual([]);
  });
});

describe('after a crash while publishing', () => {
  const insert = (db: Database.Database, units: NewTmUnit[]) => {
    const { importId, staged } = stage(db, units);
    return createTmxPublisher(db).publish(importId, staged, { ...pair, mode: 'merge', signal: new AbortController().signal });
  };

  it("undoes an import cut short while adding, and completes one cut short while removing the earlier units ('replace')", async () => {
    const db = open();
    await insert(db, range(0, 10));
    const firstNew = (db.prepare('SELECT max(id) FROM tm_units').pluck().get() as number) + 1;
    await insert(db, range(10, 15));
    db.prepare("INSERT INTO tm_import_publishing (import_id, pair, first_unit_id, state) VALUES (1, 'en>es', ?, 'adding')").run(firstNew);
    recoverPublishing(db);
    expect(sources(db)).toEqual(range(0, 10).map((u) => u.source));
    const secondNew = (db.prepare('SELECT max(id) FROM tm_units').pluck().get() as number) + 1;
    await insert(db, range(20, 23));
    db.prepare("INSERT INTO tm_import_publishing (import_id, pair, first_unit_id, state) VALUES (2, 'en>es', ?, 'removing-earlier')").run(
      secondNew,
    );
    const dir = makeTempDir();
    try {
      clearTmxLeftovers(db, dir);
    } finally {
      removeTempDir(dir);
    }
    expect(sources(db)).toEqual(range(20, 23).map((u) => u.source));
    expect(db.prepare('SELECT count(*) FROM tm_import_publishing').pluck().get()).toBe(0);
  });
});
