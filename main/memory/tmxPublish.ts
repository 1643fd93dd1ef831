/**
 * Publishing a staged TMX import (issue 17) in short transactions, so a million units never block
 * other requests for seconds, while a crash still leaves all or nothing: an intent row
 * (`tm_import_publishing`, migration 0270) says which units are the import's (its pair's TMX
 * units from `first_unit_id` on) and what was under way.
 * - 'adding': the staged units are copied into `tm_units` in file order, PUBLISH_CHUNK a
 *   transaction. A Cancel (or an error) removes what was copied; a crash does, when the library
 *   is next opened (`recoverPublishing`).
 * - 'removing-earlier' ("replace", once every new unit is in): the pair's earlier TMX units are
 *   removed a chunk at a time; a crash completes it at the next start. From there on the import
 *   cannot be cancelled.
 * Units the memory already has are marked first (`present`, store.addUnits' rule); with
 * "replace" only units other than the pair's earlier TMX units count (those are being replaced).
 * While it runs, the units copied so far are in the memory (a lookup may find them) for the few
 * seconds publishing takes; the end state is the whole file or nothing.
 */
import type Database from 'better-sqlite3';
import { pairKey } from '../../shared/memory/pair.js';
import { ServiceError } from '../core/serviceError.js';

/** Staged rows (by id) looked at per transaction. */
export const PUBLISH_CHUNK = 5_000;

const SAME_UNIT = `u.pair = tm_import_staging.pair AND substr(u.source, 1, 48) = substr(tm_import_staging.source, 1, 48)
  AND u.source = tm_import_staging.source AND u.target = tm_import_staging.target AND json(u.codes) = json(tm_import_staging.codes)
  AND lower(u.source_lang) = lower(tm_import_staging.source_lang) AND lower(u.target_lang) = lower(tm_import_staging.target_lang)`;

export interface PublishResult {
  /** Units copied into the memory. */
  added: number;
  /** Units the memory already had. */
  present: number;
  /** Earlier TMX units of the pair removed ("replace"). */
  removed: number;
  /** The longest of its transactions, in ms: how long other requests waited at most. */
  longestMs: number;
}

export interface PublishOptions {
  sourceLang: string;
  targetLang: string;
  mode: 'merge' | 'replace';
  /** Aborts while units are being added (they are removed again); ignored once the earlier ones are being removed. */
  signal: AbortSignal;
  /** Called when the import can no longer be cancelled. */
  committed?: () => void;
  /**
   * Runs inside the transaction after which the new units (ids from `firstUnitId` on) are in for
   * good, whatever happens next (a crash included): what must follow from them is recorded here.
   */
  published?: (firstUnitId: number) => void;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function createTmxPublisher(db: Database.Database, chunk = PUBLISH_CHUNK) {
  const countStmt = db.prepare<[number], number>('SELECT count(*) FROM tm_import_staging WHERE import_id = ?').pluck();
  const rangeStmt = db.prepare<[number], { lo: number | null; hi: number | null }>(
    'SELECT min(id) AS lo, max(id) AS hi FROM tm_import_staging WHERE import_id = ?',
  );
  const pairHasUnitsStmt = db.prepare<[string], number>('SELECT 1 FROM tm_units WHERE pair = ? LIMIT 1').pluck();
  const markStmt = (replace: boolean) =>
    db.prepare<[number, number, number]>(
      `UPDATE tm_import_staging SET present = 1 WHERE import_id = ? AND id BETWEEN ? AND ?
         AND EXISTS (SELECT 1 FROM tm_units u WHERE ${SAME_UNIT}${replace ? " AND u.origin <> 'tmx'" : ''})`,
    );
  const markMerge = markStmt(false);
  const markReplace = markStmt(true);
  const copyStmt = db.prepare<[number, number, number]>(
    `INSERT INTO tm_units (pair, source_lang, target_lang, source, target, codes, origin, document_id, document_title, created_by, created_at, mt_origin, source_key)
     SELECT pair, source_lang, target_lang, source, target, codes, 'tmx', NULL, NULL, created_by, created_at, mt_origin, source_key
     FROM tm_import_staging WHERE import_id = ? AND present = 0 AND id BETWEEN ? AND ? ORDER BY id`,
  );
  const presentStmt = db.prepare<[number], number>('SELECT count(*) FROM tm_import_staging WHERE import_id = ? AND present = 1').pluck();
  const nextIdStmt = db.prepare<[], number>('SELECT coalesce(max(id), 0) + 1 FROM tm_units').pluck();
  const intendStmt = db.prepare<[number, string, number]>(
    "INSERT INTO tm_import_publishing (import_id, pair, first_unit_id, state) VALUES (?, ?, ?, 'adding')",
  );
  const stateStmt = db.prepare<[number]>("UPDATE tm_import_publishing SET state = 'removing-earlier' WHERE import_id = ?");
  const doneStmt = db.prepare<[number]>('DELETE FROM tm_import_publishing WHERE import_id = ?');
  const removeNewStmt = db.prepare<[string, number, number]>(
    `DELETE FROM tm_units WHERE id IN (SELECT id FROM tm_units WHERE pair = ? AND origin = 'tmx' AND id >= ? LIMIT ?)`,
  );
  const removeEarlierStmt = db.prepare<[string, number, number]>(
    `DELETE FROM tm_units WHERE id IN (SELECT id FROM tm_units WHERE pair = ? AND origin = 'tmx' AND id < ? LIMIT ?)`,
  );

  /** Runs `step` in its own transaction, noting how long it took. */
  let longest = 0;
  function timed<T>(step: () => T): T {
    const began = performance.now();
    try {
      return db.transaction(step)();
    } finally {
      longest = Math.max(longest, performance.now() - began);
    }
  }

  async function removeAll(stmt: Database.Statement<[string, number, number]>, pair: string, first: number): Promise<number> {
    let removed = 0;
    for (let n = 1; n > 0 && db.open; await turn()) removed += n = timed(() => stmt.run(pair, first, chunk).changes);
    return removed;
  }

  async function publish(importId: number, staged: number, options: PublishOptions): Promise<PublishResult> {
    longest = 0;
    const pair = pairKey(options.sourceLang, options.targetLang);
    const found = countStmt.get(importId) ?? 0;
    if (found !== staged) {
      // Someone deleted staged rows (a second Verso cleaning up at its start): never publish part of a file.
      throw new ServiceError('INTERNAL', `The import's staged units are incomplete (${found} of ${staged}); nothing was imported.`);
    }
    const { lo, hi } = rangeStmt.get(importId) ?? { lo: null, hi: null };
    if (lo === null || hi === null) return { added: 0, present: 0, removed: 0, longestMs: 0 };
    const replace = options.mode === 'replace';
    if (pairHasUnitsStmt.get(pair) !== undefined) {
      for (let at = lo; at <= hi; at += chunk, await turn()) {
        options.signal.throwIfAborted();
        timed(() => (replace ? markReplace : markMerge).run(importId, at, at + chunk - 1));
      }
    }
    options.signal.throwIfAborted();
    const first = timed(() => {
      const next = nextIdStmt.get()!;
      intendStmt.run(importId, pair, next);
      return next;
    });
    let added = 0;
    try {
      for (let at = lo; at <= hi; at += chunk, await turn()) {
        options.signal.throwIfAborted();
        added += timed(() => copyStmt.run(importId, at, at + chunk - 1).changes);
      }
      options.signal.throwIfAborted();
    } catch (err) {
      await removeAll(removeNewStmt, pair, first);
      timed(() => doneStmt.run(importId));
      throw err;
    }
    options.committed?.();
    let removed = 0;
    if (replace) {
      // From 'removing-earlier' on, a crash completes the import (recoverPublishing).
      timed(() => {
        stateStmt.run(importId);
        options.published?.(first);
      });
      removed = await removeAll(removeEarlierStmt, pair, first);
      timed(() => doneStmt.run(importId));
    } else {
      timed(() => {
        doneStmt.run(importId);
        options.published?.(first);
      });
    }
    return { added, present: presentStmt.get(importId) ?? 0, removed, longestMs: longest };
  }

  return { publish };
}

/** What a crash left half-published: added units removed, or "replace"'s removal of earlier units completed. */
export function recoverPublishing(db: Database.Database): void {
  const intents = db
    .prepare<[], { import_id: number; pair: string; first_unit_id: number; state: string }>('SELECT * FROM tm_import_publishing')
    .all();
  for (const i of intents) {
    db.transaction(() => {
      const side = i.state === 'adding' ? '>=' : '<';
      db.prepare(`DELETE FROM tm_units WHERE pair = ? AND origin = 'tmx' AND id ${side} ?`).run(i.pair, i.first_unit_id);
      db.prepare('DELETE FROM tm_import_publishing WHERE import_id = ?').run(i.import_id);
    })();
  }
}
