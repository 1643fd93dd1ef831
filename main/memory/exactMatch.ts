/**
 * Exact (100 %) matches without the fuzzy index (issue 17; migration 0290): units are found by
 * `source_key`, the hash of the pair and the source's exact text (termHash.ts `sourceKey`), and
 * kept when their tokens equal the query's — what a fuzzy score of 100 means (token distance 0;
 * a case difference costs half a point). The stored tokens are compared when the unit is indexed
 * (those the fuzzy lookup scores), else its source's. Units without a key yet (sign-offs and
 * sentence pairs the triggers insert, units older than 0290) are keyed first, KEY_BATCH at a time.
 */
import type Database from 'better-sqlite3';
import { matchTokens } from '../../shared/memory/matchScore.js';
import { sourceKey } from './termHash.js';

const SEPARATOR = '\u001f';
/** Units keyed per statement round. */
const KEY_BATCH = 5_000;

export function createExactMatch(db: Database.Database) {
  const unkeyedStmt = db.prepare<[number], { id: number; pair: string; source: string }>(
    'SELECT id, pair, source FROM tm_units WHERE source_key IS NULL ORDER BY id LIMIT ?',
  );
  const setKeyStmt = db.prepare<[number, number]>('UPDATE tm_units SET source_key = ? WHERE id = ?');
  // A sentence unit (migration 0280) belongs to its parent's paragraph.
  const byKeyStmt = db.prepare<
    [number, string],
    { id: number; source_lang: string; source: string; tokens: string | null; paragraph_id: string | null }
  >(
    `SELECT id, source_lang, source, tokens,
            coalesce(paragraph_id, (SELECT p.paragraph_id FROM tm_units p WHERE p.id = u.parent_unit_id)) AS paragraph_id
     FROM tm_units u WHERE source_key = ? AND pair = ?`,
  );

  const keyBatch = db.transaction((): number => {
    const rows = unkeyedStmt.all(KEY_BATCH);
    for (const u of rows) setKeyStmt.run(sourceKey(u.pair, u.source), u.id);
    return rows.length;
  });

  return {
    /** Keys every unit that has no key yet. */
    keyMissing(): void {
      while (keyBatch() === KEY_BATCH);
    },
    /** The ids of the pair's units whose source tokens are exactly `tokens`, except those of `excludeParagraphId`. */
    unitIds(pair: string, text: string, tokens: readonly string[], excludeParagraphId?: string): number[] {
      const joined = tokens.join(SEPARATOR);
      return byKeyStmt
        .all(sourceKey(pair, text), pair)
        .filter(
          (r) =>
            (excludeParagraphId === undefined || r.paragraph_id !== excludeParagraphId) &&
            (r.tokens ?? matchTokens(r.source, r.source_lang).join(SEPARATOR)) === joined,
        )
        .map((r) => r.id);
    },
  };
}
