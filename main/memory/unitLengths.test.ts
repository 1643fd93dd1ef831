import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../db/migrate.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import { createUnitLengths, WARM_CHUNK } from './unitLengths.js';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  migrate(db, MIGRATIONS);
});
afterEach(() => db.close());

/** Units 1..count, unit i indexed with i % 40 tokens (every seventh not indexed yet). */
function insertUnits(count: number): void {
  db.exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
    INSERT INTO tm_units (id, pair, source_lang, target_lang, source, target, origin, created_by, created_at, tokens, token_count)
    SELECT i, 'en>es', 'en', 'es', 's' || i, 't' || i, 'tmx', '', 'a', CASE WHEN i % 7 = 0 THEN NULL ELSE 'x' END,
           CASE WHEN i % 7 = 0 THEN NULL ELSE i % 40 END FROM n`);
}

describe('unit lengths', () => {
  it('reads a small gap at once, a big one in the background (unknown, 0, until then), and follows the indexer', async () => {
    insertUnits(100);
    const lengths = createUnitLengths(db);
    expect(lengths.upTo(100)[41]).toBe(1);
    expect(lengths.upTo(100)[7]).toBe(0);
    db.exec('UPDATE tm_units SET tokens = 1, token_count = 12 WHERE id = 7');
    lengths.refresh([7, 14]);
    expect(lengths.upTo(100)[7]).toBe(12);
    expect(lengths.upTo(100)[14]).toBe(0);

    db.exec('DELETE FROM tm_units');
    insertUnits(3 * WARM_CHUNK);
    const big = createUnitLengths(db);
    expect(big.upTo(3 * WARM_CHUNK)[3 * WARM_CHUNK - 1]).toBe(0);
    await big.warm();
    const after = big.upTo(3 * WARM_CHUNK);
    expect(after[3 * WARM_CHUNK - 1]).toBe((3 * WARM_CHUNK - 1) % 40);
    expect(after[WARM_CHUNK + 1]).toBe((WARM_CHUNK + 1) % 40);
  });
});
