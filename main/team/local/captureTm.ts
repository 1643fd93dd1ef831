/**
 * Capture of a TMX import (docs/team.md#tm-units): once an import is published, the units it
 * added (its staged rows not already in the memory) become `tm-unit` changes of at most
 * TM_BATCH_MAX_UNITS units / TM_BATCH_MAX_CHARS characters each, a batch per short transaction,
 * yielding to the event loop between them (a million units: ~1,000 changes). "Replace" is first a
 * change that removes the pair's earlier TMX units. Only while the library is in a team.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { appLog, logFailure } from '../../core/log/logger.js';
import { captureActive } from './captureSwitch.js';
import { addChange } from './outboxStore.js';
import {
  TM_BATCH_MAX_CHARS,
  TM_BATCH_MAX_UNITS,
  TM_UNIT_MAX_CHARS,
  tmDocumentId,
  type TmBatchUnit,
  type TmUnitPayload,
} from './tmBatchPayload.js';

interface StagedRow {
  id: number;
  source_lang: string;
  target_lang: string;
  source: string;
  target: string;
  codes: string;
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

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function unitOf(r: StagedRow, sourceLang: string, targetLang: string): TmBatchUnit {
  const codes = JSON.parse(r.codes) as TmBatchUnit['codes'];
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
 * Captures what a published import added (call before its staged rows are discarded); returns the
 * number of changes added to the outbox (0 outside a team).
 */
export async function captureTmxImport(db: Database.Database, importId: number, request: TmCaptureRequest): Promise<number> {
  if (!captureActive(db)) return 0;
  try {
    return await captureBatches(db, importId, request);
  } catch (err) {
    // The units are in this memory (the import succeeded); what was not captured stays unshared.
    logFailure(appLog(), 'sharing a TMX import with the team failed', err);
    return 0;
  }
}

async function captureBatches(db: Database.Database, importId: number, request: TmCaptureRequest): Promise<number> {
  const { sourceLang, targetLang } = request;
  const documentId = tmDocumentId(sourceLang, targetLang);
  const add = (payload: TmUnitPayload, kind: string): void => {
    addChange(db, { kind: 'tm-unit', documentId, entityId: `${kind}:${randomUUID()}`, payload, at: request.at });
  };
  const rowsStmt = db.prepare<[number, number, number], StagedRow>(
    `SELECT id, source_lang, target_lang, source, target, codes, created_by, created_at, mt_origin
     FROM tm_import_staging WHERE import_id = ? AND present = 0 AND id > ? ORDER BY id LIMIT ?`,
  );
  let changes = 0;
  if (request.replace) {
    db.transaction(() => add({ sourceLang, targetLang, replaceTmx: true }, 'tm-replace'))();
    changes++;
  }
  let after = 0;
  for (;;) {
    if (!db.open || !captureActive(db)) break;
    const added = db.transaction((): number | null => {
      const rows = rowsStmt.all(importId, after, TM_BATCH_MAX_UNITS);
      if (rows.length === 0) return null;
      after = rows.at(-1)!.id;
      const batches = toBatches(rows.map((r) => unitOf(r, sourceLang, targetLang)));
      for (const units of batches) add({ sourceLang, targetLang, units }, 'tm-batch');
      return batches.length;
    })();
    if (added === null) break;
    changes += added;
    await turn();
  }
  return changes;
}
