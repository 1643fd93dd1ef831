/**
 * Recall on low-vocabulary text (issue 17): where every word and most word pairs are common, the
 * units sharing the most terms with a query are the long ones, yet a long unit scores low. These
 * tests build such corpora deterministically and check, by content, that the best match is found.
 */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import { lengthBound, matchScore } from '../../shared/memory/matchScore.js';
import { createTmStore, lengthRange, type NewTmUnit } from './tmStore.js';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  migrate(db, MIGRATIONS);
});
afterEach(() => db.close());

const unit = (source: string): NewTmUnit => ({
  sourceLang: 'en',
  targetLang: 'es',
  source,
  target: `ES ${source}`,
  origin: 'tmx',
  createdBy: 'x',
  createdAt: '2026-01-01T00:00:00.000Z',
});

function seeded(seed: number) {
  let a = seed;
  return (n: number) => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return Math.floor((a / 2147483648) * n);
  };
}

// 40 words of licence boilerplate: the whole vocabulary of the corpus.
const WORDS = (
  'the of to a or and any you this license work program that in is by for under may not with ' +
  'your covered source code terms these conditions software rights as be all are such other it use copy'
).split(' ');

/** Sentences of `min`–`max` words drawn from WORDS. */
function boilerplate(int: (n: number) => number, min: number, max: number): string {
  const words = Array.from({ length: min + int(max - min + 1) }, () => WORDS[int(WORDS.length)]!);
  return `${words.join(' ')}.`.replace(/^./, (c) => c.toUpperCase());
}

describe('recall on low-vocabulary text', () => {
  it('finds a short best match among hundreds of long units that share more of the query’s terms', () => {
    const int = seeded(17);
    const store = createTmStore(db);
    const query = 'Permit the licensee to copy it.';
    const best = 'Permit the licensee to read.';
    // 300 long units (more than the 200 candidates re-ranked) hold the whole query as a phrase, so
    // they share every term with it, but at 36–40 tokens none reaches 50 %.
    const long = Array.from(
      { length: 300 },
      () => `${boilerplate(int, 15, 17).slice(0, -1)} permit the licensee to copy it ${boilerplate(int, 15, 17)}`,
    );
    const noise = Array.from({ length: 3000 }, () => boilerplate(int, 5, 40));
    store.addUnits([unit(best), ...noise.map(unit), ...long.map(unit)], false);
    // A first lookup indexes one batch and reads the lengths known so far; the long units are
    // indexed after it, and their lengths follow (unitLengths.refresh).
    store.lookup('en', 'es', query);
    store.syncIndex();
    expect(long.every((s) => matchScore(query, s, 'en') < 50)).toBe(true);

    const [top] = store.lookup('en', 'es', query);
    expect(top).toMatchObject({ source: best, score: matchScore(query, best, 'en') });
    expect(top!.score).toBe(71);
  });
});

describe('recall when every term of the query is common', () => {
  it('finds the oldest unit, an exact match, behind 10,000 newer variants holding each of its terms', () => {
    const store = createTmStore(db);
    const words = ['licence', 'terms', 'apply', 'to', 'copies'];
    const query = `${words.join(' ')}.`;
    // Each variant replaces one word: every word of the query and every pair of adjacent words is
    // in more than 5,000 newer units (the newest 5,000 postings per term that an earlier design
    // read would never reach the exact match).
    const variants = Array.from({ length: 10_000 }, (_, i) => `${words.map((w, k) => (k === i % 5 ? `w${i}` : w)).join(' ')}.`);
    store.addUnits([unit(query), ...variants.map(unit)], false);
    store.syncIndex();
    const [top] = store.lookup('en', 'es', query.replace('licence', 'Licence'));
    expect(top).toMatchObject({ source: query, score: 91 });
  });
});

describe('lengthRange', () => {
  it('is the range of token counts whose length alone still allows the score', () => {
    for (const n of [1, 2, 7, 20, 41]) {
      for (const min of [0, 1, 50, 75, 100]) {
        const [shortest, longest] = lengthRange(n, min);
        for (let m = 0; m <= 3 * n + 2; m++) expect(m >= shortest && m <= longest).toBe(lengthBound(n, m) >= min);
      }
    }
  });
});
