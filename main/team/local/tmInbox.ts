/**
 * Pulled TM batches into the local translation memory (docs/team.md#tm-units). Applying a
 * `tm-unit` change only queues it (`team_tm_inbox`, migration 0380); `drain` adds the queued
 * batches in the server's order, ADD_SLICE units per short transaction, yielding to the
 * event loop between them, with capture suspended. A unit the memory already has (same pair,
 * languages, source, target and codes: tmStore's `addUnits` rule) is not added again, so applying
 * a batch twice is harmless. Then the fuzzy index is built as after a TMX import (`drainIndex`:
 * in bulk for a long queue). Rows left by a crash are added when the library next opens.
 */
import type Database from 'better-sqlite3';
import { pairKey } from '../../../shared/memory/pair.js';
import { appLog, logFailure } from '../../core/log/logger.js';
import { createTmStore, type NewTmUnit, type TmStore } from '../../memory/tmStore.js';
import { runWithoutCapture } from './captureSwitch.js';
import { tmUnitPayloadSchema, type TmUnitPayload } from './tmBatchPayload.js';

/** TMX units removed per transaction by a "replace" change. */
const REMOVE_CHUNK = 5_000;
/** Units added per transaction (~30 ms on a loaded 2-core machine with a 100,000-unit memory). */
const ADD_SLICE = 250;

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function createTmInbox(db: Database.Database, storeOf: () => TmStore = () => createTmStore(db)) {
  const queueStmt = db.prepare<[number, string, string]>('INSERT OR IGNORE INTO team_tm_inbox (seq, change_id, payload) VALUES (?, ?, ?)');
  const nextStmt = db.prepare<[], { seq: number; payload: string }>('SELECT seq, payload FROM team_tm_inbox ORDER BY seq LIMIT 1');
  const doneStmt = db.prepare<[number]>('DELETE FROM team_tm_inbox WHERE seq = ?');
  const waitingStmt = db.prepare<[], number>('SELECT count(*) FROM team_tm_inbox').pluck();
  const removeTmxStmt = db.prepare<[string, number]>(
    `DELETE FROM tm_units WHERE id IN (SELECT id FROM tm_units WHERE pair = ? AND origin = 'tmx' LIMIT ?)`,
  );
  let store: TmStore | null = null;
  let draining: Promise<void> | null = null;

  function unitsOf(p: Extract<TmUnitPayload, { units: unknown }>): NewTmUnit[] {
    return p.units.map((u) => ({
      sourceLang: u.sourceLang ?? p.sourceLang,
      targetLang: u.targetLang ?? p.targetLang,
      source: u.source,
      target: u.target,
      codes: u.codes ?? [],
      origin: 'tmx',
      createdBy: u.createdBy,
      createdAt: u.createdAt,
      mtOrigin: u.mtOrigin ?? null,
    }));
  }

  /** The batch being added, a slice per step (a crash re-adds it whole: units already there are skipped). */
  let current: { seq: number; units: NewTmUnit[]; at: number } | null = null;

  /** One step, one transaction: a slice of a batch added, or a chunk of a replace's removal; false when the queue is empty. */
  const step = db.transaction((): boolean => {
    if (current === null) {
      const row = nextStmt.get();
      if (!row) return false;
      // Validated when queued; parsed again (the row could have been written by an older Verso).
      const parsed = tmUnitPayloadSchema.safeParse(JSON.parse(row.payload));
      if (parsed.success && 'units' in parsed.data) current = { seq: row.seq, units: unitsOf(parsed.data), at: 0 };
      else if (parsed.success) {
        const pair = pairKey(parsed.data.sourceLang, parsed.data.targetLang);
        if (removeTmxStmt.run(pair, REMOVE_CHUNK).changes === REMOVE_CHUNK) return true;
      }
      if (current === null) {
        doneStmt.run(row.seq);
        return true;
      }
    }
    const batch = current;
    store ??= storeOf();
    store.addUnits(batch.units.slice(batch.at, batch.at + ADD_SLICE), true);
    batch.at += ADD_SLICE;
    if (batch.at >= batch.units.length) {
      doneStmt.run(batch.seq);
      current = null;
    }
    return true;
  });

  /** A step that failed (its transaction rolled back) starts its batch again next time. */
  function stepSafely(): boolean {
    try {
      return step();
    } catch (err) {
      current = null;
      throw err;
    }
  }

  return {
    /** Queues a validated batch (inside the pull's transaction); a change queued before is not queued again. */
    enqueue(seq: number, changeId: string, payload: TmUnitPayload): void {
      queueStmt.run(seq, changeId, JSON.stringify(payload));
    },
    waiting: (): number => waitingStmt.get() ?? 0,
    /** Adds every queued batch in the background, then indexes them; one run at a time. */
    drain(): Promise<void> {
      draining ??= (async () => {
        try {
          let added = false;
          while (db.open && runWithoutCapture(db, () => stepSafely())) {
            added = true;
            await turn();
          }
          if (added && db.open) await (store ??= storeOf()).drainIndex();
        } catch (err) {
          // The batch stays queued: it is tried again after the next pull, or when the library next opens.
          logFailure(appLog(), 'adding pulled translation-memory units failed', err);
        } finally {
          draining = null;
        }
      })();
      return draining;
    },
  };
}

export type TmInbox = ReturnType<typeof createTmInbox>;
