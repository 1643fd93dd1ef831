/**
 * Capture of a TMX import (docs/team.md#tm-units): the units an import added (the pair's TMX units
 * it gave ids from `first` on) become `tm-unit` changes of at most TM_BATCH_MAX_UNITS units /
 * TM_BATCH_MAX_CHARS characters each, a batch per short transaction, yielding to the event loop
 * between them (a million units: ~1,000 changes). "Replace" is first a change that removes the
 * pair's earlier TMX units. Only while the library is in a team.
 * Crash-safe: `intendTmxCapture` runs inside the transaction that ends the import's publishing and
 * leaves a `team_tm_captures` row (migration 0400); each batch's transaction moves the row's
 * `after_id` on, and the row goes with the last. `shareTmxCaptures` works through every row, so a
 * capture a crash cut short goes on from where it stopped when the library next opens.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { appLog, logFailure } from '../../core/log/logger.js';
import { captureActive } from './captureSwitch.js';
import { addChange } from './outboxStore.js';
import { pairKey } from '../../../shared/memory/pair.js';
import { perConnection } from '../../db/perConnection.js';
import {
  TM_BATCH_MAX_CHARS,
  TM_BATCH_MAX_UNITS,
  TM_UNIT_MAX_CHARS,
  tmDocumentId,
  type TmBatchUnit,
  type TmUnitPayload,
} from './tmBatchPayload.js';

interface UnitRow {
  id: number;
  source_lang: string;
  target_lang: string;
  source: string;
  target: string;
  codes: string | null;
  created_by: string;
  created_at: string;
  mt_origin: string | null;
}

export interface TmCaptureRequest {
  sourceLang: string;
  targetLang: string;
  replace: boolean;
  at: string;
}

interface CaptureRow {
  import_id: number;
  pair: string;
  source_lang: string;
  target_lang: string;
  last_unit_id: number;
  after_id: number;
  replace_pending: number;
  at: string;
}

function prepare(db: Database.Database) {
  return {
    last: db
      .prepare<[string, number], number>("SELECT coalesce(max(id), 0) FROM tm_units WHERE pair = ? AND origin = 'tmx' AND id >= ?")
      .pluck(),
    intend: db.prepare<[number, string, string, string, number, number, number, string]>(
      `INSERT OR REPLACE INTO team_tm_captures (import_id, pair, source_lang, target_lang, last_unit_id, after_id, replace_pending, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    next: db.prepare<[], CaptureRow>('SELECT * FROM team_tm_captures ORDER BY rowid LIMIT 1'),
    units: db.prepare<[string, number, number, number], UnitRow>(
      `SELECT id, source_lang, target_lang, source, target, codes, created_by, created_at, mt_origin
       FROM tm_units WHERE pair = ? AND origin = 'tmx' AND id > ? AND id <= ? ORDER BY id LIMIT ?`,
    ),
    moved: db.prepare<[number, number]>('UPDATE team_tm_captures SET after_id = ?, replace_pending = 0 WHERE import_id = ?'),
    done: db.prepare<[number]>('DELETE FROM team_tm_captures WHERE import_id = ?'),
  };
}
const stmts = perConnection(prepare);

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function unitOf(r: UnitRow, sourceLang: string, targetLang: string): TmBatchUnit {
  const codes = (r.codes === null ? null : JSON.parse(r.codes)) as TmBatchUnit['codes'] | null;
  return {
    source: r.source,
    target: r.target,
    ...(r.source_lang !== sourceLang ? { sourceLang: r.source_lang } : {}),
    ...(r.target_lang !== targetLang ? { targetLang: r.target_lang } : {}),
    ...(codes && codes.length > 0 ? { codes } : {}),
    createdBy: r.created_by.slice(0, 200),
    createdAt: r.created_at.slice(0, 64),
    ...(r.mt_origin !== null ? { mtOrigin: JSON.parse(r.mt_origin) as TmBatchUnit['mtOrigin'] } : {}),
  };
}

/** Splits rows into batches within the bounds (a unit too long to share is left out). */
export function toBatches(units: readonly TmBatchUnit[]): TmBatchUnit[][] {
  const batches: TmBatchUnit[][] = [];
  let batch: TmBatchUnit[] = [];
  let chars = 0;
  for (const u of units) {
    const size = u.source.length + u.target.length;
    if (u.source.length > TM_UNIT_MAX_CHARS || u.target.length > TM_UNIT_MAX_CHARS) continue;
    if (batch.length === TM_BATCH_MAX_UNITS || (batch.length > 0 && chars + size > TM_BATCH_MAX_CHARS)) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(u);
    chars += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/**
 * Call inside the transaction that ends an import's publishing (its units from `firstUnitId` on
 * are in, for good): in a team, what it added is to be shared.
 */
export function intendTmxCapture(db: Database.Database, importId: number, request: TmCaptureRequest, firstUnitId: number): void {
  if (!captureActive(db)) return;
  const { sourceLang, targetLang } = request;
  const pair = pairKey(sourceLang, targetLang);
  const last = stmts(db).last.get(pair, firstUnitId) ?? 0;
  if (last === 0 && !request.replace) return;
  stmts(db).intend.run(importId, pair, sourceLang, targetLang, last, firstUnitId - 1, request.replace ? 1 : 0, request.at);
}

/** One batch's transaction of the oldest capture: the changes it added, or null when none is left (or the library is not in a team now). */
function captureStep(db: Database.Database): number | null {
  if (!db.open) return null;
  return db.transaction((): number | null => {
    const s = stmts(db);
    const c = s.next.get();
    // Nothing waiting is the usual case: asked first (membership is read, then kept, only when needed).
    if (!c || !captureActive(db)) return null;
    const documentId = tmDocumentId(c.source_lang, c.target_lang);
    const add = (payload: TmUnitPayload, kind: string): void => {
      addChange(db, { kind: 'tm-unit', documentId, entityId: `${kind}:${randomUUID()}`, payload, at: c.at });
    };
    let added = 0;
    if (c.replace_pending === 1) {
      add({ sourceLang: c.source_lang, targetLang: c.target_lang, replaceTmx: true }, 'tm-replace');
      added++;
    }
    const rows = s.units.all(c.pair, c.after_id, c.last_unit_id, TM_BATCH_MAX_UNITS);
    if (rows.length === 0) {
      s.done.run(c.import_id);
      return added;
    }
    for (const units of toBatches(rows.map((r) => unitOf(r, c.source_lang, c.target_lang)))) {
      add({ sourceLang: c.source_lang, targetLang: c.target_lang, units }, 'tm-batch');
      added++;
    }
    s.moved.run(rows.at(-1)!.id, c.import_id);
    return added;
  })();
}

const runs = new WeakMap<Database.Database, Promise<number>>();

/**
 * Shares every captured import still waiting (a new one, or what a crash cut short), a batch per
 * transaction; returns the changes added to the outbox. One run per library at a time: a call
 * while one runs waits for it (it takes up rows added meanwhile too).
 */
function shareTmxCaptures(db: Database.Database): Promise<number> {
  const running = runs.get(db);
  if (running) return running;
  const run = (async () => {
    let changes = 0;
    try {
      await Promise.resolve(); // the map holds this run before its first step
      for (let added = captureStep(db); added !== null; added = captureStep(db)) {
        changes += added;
        await turn();
      }
      return changes;
    } finally {
      // In the same turn as the last step found nothing: a capture intended after it starts a new run.
      runs.delete(db);
    }
  })();
  runs.set(db, run);
  return run;
}

/** Shares what an import (or a crash) left to share; a failure is logged: the units are in this memory, and what was not shared stays waiting. */
export async function shareTmxCapturesLogged(db: Database.Database): Promise<number> {
  try {
    return await shareTmxCaptures(db);
  } catch (err) {
    logFailure(appLog(), 'sharing a TMX import with the team failed', err);
    return 0;
  }
}
