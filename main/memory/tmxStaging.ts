/**
 * All or nothing for a streamed TMX import (issue 17), without holding a write transaction open
 * across turns of the event loop (better-sqlite3 is one connection: a translator's edit made
 * meanwhile would land inside it and be rolled back with it).
 * - Each batch of units is staged in `tm_import_staging` (migration 0270) in its own short
 *   transaction, already in `tm_units`' form; the file's own duplicates are dropped on arrival
 *   (UNIQUE (import_id, key)).
 * - When the whole file has been read, tmxPublish.ts copies them into `tm_units` in short
 *   transactions under an intent row that a crash is undone (or completed) by.
 * - Staged rows are deleted afterwards (or on cancel/failure), and any left by a crash when the
 *   library is opened (`clearTmxLeftovers`): staged rows alone are never published.
 */
import { createHash, randomInt } from 'node:crypto';
import type Database from 'better-sqlite3';
import { pairKey } from '../../shared/memory/pair.js';
import type { NewTmUnit } from './tmStore.js';
import { clearTmxUploads } from './tmxUploads.js';
import { recoverPublishing } from './tmxPublish.js';

/** Rows deleted per transaction when a finished or abandoned import is cleaned up. */
const DISCARD_BATCH = 5_000;

/** The 16-byte identity of a unit: what makes two units the same one. */
function unitKey(pair: string, u: NewTmUnit, codes: string): Buffer {
  const identity = JSON.stringify([pair, u.sourceLang.toLowerCase(), u.targetLang.toLowerCase(), u.source, u.target, codes]);
  return createHash('sha256').update(identity).digest().subarray(0, 16);
}

export interface TmxStaging {
  /** A new import's id. */
  begin(): number;
  /** Stages one batch in one short transaction; returns how many were new (the rest repeat units of the same file). */
  add(importId: number, units: readonly NewTmUnit[]): number;
  /** Deletes an import's staged rows, a batch per transaction, yielding to the event loop between batches. */
  discard(importId: number): Promise<void>;
  /**
   * A bigger page cache while an import runs (its random-order index inserts would otherwise read and
   * write pages over and over); returns the function that gives the usual size back.
   */
  widenCache(): () => void;
}

/** The page cache while a TMX import runs, in KiB (SQLite's default is 2 MB). */
const IMPORT_CACHE_KIB = 128 * 1024;

export function createTmxStaging(db: Database.Database): TmxStaging {
  const insertStmt = db.prepare(
    `INSERT OR IGNORE INTO tm_import_staging (import_id, key, pair, source_lang, target_lang, source, target, codes, created_by, created_at, mt_origin, source_key)
     VALUES (@importId, @key, @pair, @sourceLang, @targetLang, @source, @target, @codes, @createdBy, @createdAt, @mtOrigin, @sourceKey)`,
  );
  const othersStmt = db.prepare<[number], number>('SELECT 1 FROM tm_import_staging WHERE import_id <> ? LIMIT 1').pluck();
  const clearStmt = db.prepare('DELETE FROM tm_import_staging');
  const discardStmt = db.prepare<[number, number]>(
    'DELETE FROM tm_import_staging WHERE id IN (SELECT id FROM tm_import_staging WHERE import_id = ? LIMIT ?)',
  );

  const add = db.transaction((importId: number, units: readonly NewTmUnit[]): number => {
    let added = 0;
    for (const u of units) {
      const pair = pairKey(u.sourceLang, u.targetLang);
      const codes = JSON.stringify(u.codes ?? []);
      added += insertStmt.run({
        importId,
        key: unitKey(pair, u, codes),
        pair,
        sourceLang: u.sourceLang,
        targetLang: u.targetLang,
        source: u.source,
        target: u.target,
        codes,
        createdBy: u.createdBy,
        createdAt: u.createdAt,
        mtOrigin: u.mtOrigin ? JSON.stringify(u.mtOrigin) : null,
        sourceKey: u.sourceKey ?? null,
      }).changes;
    }
    return added;
  });

  return {
    begin: () => randomInt(1, 2 ** 47),
    add: (importId, units) => add(importId, units),
    widenCache() {
      const usual = db.pragma('cache_size', { simple: true }) as number;
      db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
      return () => {
        if (db.open) db.pragma(`cache_size = ${usual}`);
      };
    },
    async discard(importId: number): Promise<void> {
      // Only this import's rows (the usual case: one import at a time, by the lock's holder): the whole
      // table is emptied at once (SQLite frees its pages without touching each row and index entry).
      if (db.open && othersStmt.get(importId) === undefined) {
        clearStmt.run();
        return;
      }
      while (db.open && discardStmt.run(importId, DISCARD_BATCH).changes > 0) await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/**
 * Deletes every staged row and uploaded file (what a crash left): only by the process that holds
 * the library's lock, before any import starts.
 */
export function clearTmxLeftovers(db: Database.Database, dataDir: string): void {
  recoverPublishing(db);
  db.prepare('DELETE FROM tm_import_staging').run();
  clearTmxUploads(dataDir);
}
