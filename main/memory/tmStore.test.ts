import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import { createTmStore, topByWeight, type NewTmUnit } from './tmStore.js';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, MIGRATIONS);
});
afterEach(() => db.close());

const unit = (source: string, target = `ES: ${source}`, extra: Partial<NewTmUnit> = {}): NewTmUnit => ({
  sourceLang: 'en',
  targetLang: 'es',
  source,
  target,
  origin: 'tmx',
  createdBy: 'x',
  createdAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

describe('topByWeight', () => {
  it('returns the ids of highest weight, newer first on ties, without sorting everything', () => {
    const w = new Float32Array(2000);
    const ids: number[] = [];
    for (let id = 1; id < 2000; id++) {
      w[id] = (id * 7919) % 1000;
      ids.push(id);
    }
    const expected = [...ids].sort((a, b) => w[b]! - w[a]! || b - a).slice(0, 50);
    expect(topByWeight(ids, w, 999, 50)).toEqual(expected);
    expect(topByWeight([3, 1, 2], w, 999, 50)).toEqual([3, 1, 2].sort((a, b) => w[b]! - w[a]! || b - a));
  });
});

describe('the TM store', () => {
  it('finds the best matches (at most 5, ≥ 50 %), best first, each source and translation once', () => {
    const store = createTmStore(db);
    store.addUnits(
      [
        unit('The mayor of Paris opened the new bridge on Monday.'),
        unit('The mayor of Paris opened the new bridge on Monday.'),
        unit('The mayor of Lyon opened the new bridge on Monday.'),
        unit('The mayor of Lyon opened the old bridge on Sunday.'),
        unit('The mayor opened a school.'),
        unit('Completely unrelated text about football results.'),
        unit('The mayor of Paris opened the new bridge on Monday.', 'otra traducción'),
      ],
      false,
    );
    const matches = store.lookup('en-GB', 'es', 'The mayor of Paris opened the new bridge on Tuesday.');
    expect(matches.map((m) => [m.score, m.target])).toEqual([
      [90, 'otra traducción'],
      [90, 'ES: The mayor of Paris opened the new bridge on Monday.'],
      [81, 'ES: The mayor of Lyon opened the new bridge on Monday.'],
      [72, 'ES: The mayor of Lyon opened the old bridge on Sunday.'],
    ]);
    expect(store.lookup('en', 'es', 'The mayor of Paris opened the new bridge on Tuesday.', { minScore: 85, limit: 1 })).toHaveLength(1);
    // Another pair has its own TM.
    expect(store.lookup('en', 'fr', 'The mayor of Paris opened the new bridge on Monday.')).toEqual([]);
    expect(store.lookup('en', 'es', '   ')).toEqual([]);
  });

  it('keeps the index in step: units removed before or after indexing leave no postings and exact document frequencies', () => {
    const store = createTmStore(db);
    store.addUnits([unit('Alpha beta gamma.'), unit('Alpha beta delta.')], false);
    expect(store.pending()).toBe(2);
    db.exec("DELETE FROM tm_units WHERE source = 'Alpha beta delta.'");
    expect(store.syncIndex()).toBe(2);
    const df = () => db.prepare('SELECT sum(df) AS total, count(*) AS n FROM tm_terms WHERE df > 0').get();
    // alpha, beta, gamma, "." and the 3 bigrams — one unit each.
    expect(df()).toEqual({ total: 7, n: 7 });
    expect(db.prepare('SELECT sum(length(ids)) / 4 FROM tm_postings').pluck().get()).toBe(7);
    db.exec('DELETE FROM tm_units');
    store.syncIndex();
    expect(db.prepare('SELECT count(*) FROM tm_postings').pluck().get()).toBe(0);
    expect(df()).toEqual({ total: null, n: 0 });
    expect(store.lookup('en', 'es', 'Alpha beta gamma.')).toEqual([]);
  });

  it('still finds the best match when the rarest terms are few and the common ones are capped', () => {
    const store = createTmStore(db, { rareTerms: 3, postingsCap: 5, postingsBudget: 10, candidates: 5 });
    const filler = Array.from({ length: 50 }, (_, i) => unit(`The council said on Monday that item ${i} was approved.`));
    store.addUnits([unit('The council said on Monday that the Zanzibar project was approved.'), ...filler], false);
    const [best] = store.lookup('en', 'es', 'The council said on Friday that the Zanzibar project was approved.');
    expect(best).toMatchObject({ source: 'The council said on Monday that the Zanzibar project was approved.', score: 91 });
  });

  it('concordance: case-insensitive phrase search, newest first, limited', () => {
    const store = createTmStore(db);
    store.addUnits([unit('Prime Minister Ana Silva spoke.'), unit('The prime minister resigned.'), unit('A minister spoke.')], false);
    expect(store.concordance('en', 'es', 'PRIME minister').map((u) => u.source)).toEqual([
      'The prime minister resigned.',
      'Prime Minister Ana Silva spoke.',
    ]);
    expect(store.concordance('en', 'es', 'minister', 2)).toHaveLength(2);
    expect(store.concordance('en', 'es', 'chancellor')).toEqual([]);
  });
});

describe('packed postings', () => {
  it('spread over blocks, read newest first, survive out-of-order adds and removals', async () => {
    const { createPostings, BLOCK_IDS } = await import('./postings.js');
    const postings = createPostings(db);
    const many = Array.from({ length: BLOCK_IDS * 2 + 10 }, (_, i) => i + 1);
    expect(postings.add(7, many)).toBe(many.length);
    expect(postings.add(7, [5, 500, 520])).toBe(0);
    expect(db.prepare('SELECT count(*) FROM tm_postings WHERE term = 7').pluck().get()).toBe(3);
    const newest = postings.newest(7, 1);
    expect(Array.from(newest[0]!)).toEqual(many.slice(BLOCK_IDS * 2));
    // An older id goes into its block; removing keeps order; an emptied block disappears.
    expect(postings.remove(7, 3)).toBe(true);
    expect(postings.remove(7, 3)).toBe(false);
    expect(postings.add(7, [3])).toBe(1);
    for (const id of many.slice(BLOCK_IDS * 2)) expect(postings.remove(7, id)).toBe(true);
    expect(db.prepare('SELECT count(*) FROM tm_postings WHERE term = 7').pluck().get()).toBe(2);
    const all = postings.newest(7, 10_000).flatMap((b) => Array.from(b));
    expect(all).toEqual([...many.slice(BLOCK_IDS, BLOCK_IDS * 2), ...many.slice(0, BLOCK_IDS)]);
  });
});

describe('background indexing', () => {
  it('a lookup indexes a small batch first; drainIndex works off the rest in batches', async () => {
    const store = createTmStore(db);
    store.addUnits(
      Array.from({ length: 1200 }, (_, i) => unit(`Report number ${i} was filed today.`)),
      false,
    );
    expect(store.lookup('en', 'es', 'Report number 3 was filed today.')[0]).toMatchObject({ score: 100 });
    expect(store.pending()).toBe(700);
    await store.drainIndex();
    expect(store.pending()).toBe(0);
    expect(store.lookup('en', 'es', 'Report number 1199 was filed today.')[0]).toMatchObject({ score: 100 });
  });
});
