/**
 * The bulk build of the fuzzy index after a big import (issue 17). Indexing a million queued units
 * 500 at a time (tmStore.ts `indexBatch`) rewrites, for every batch, one postings block per term
 * it touches, scattered over the whole table by the terms' hashes: ~460 units/s at 1,000,000
 * units. The build instead works in two phases, each step one short transaction (tables: migration
 * 0290), so a build that stops (a crash, the app closed) resumes where it was:
 * 1. reading: the queued changes, CHUNK at a time, are tokenised (tokens, counts and exact keys
 *    stored as the indexer stores them) and their (term, unit id) pairs written as packed runs,
 *    one per term partition (a range of term hashes) and chunk; removals are applied at once;
 * 2. writing: a partition at a time, its runs are gathered by term and written in term order —
 *    terms new to the index as whole blocks in multi-row inserts, the others appended to their
 *    blocks (postings.ts) — with the document frequencies, and the runs deleted; after the last
 *    partition the build's queued changes are dropped.
 * Each partition's writes fall in one range of the table's keys, so each page is written about
 * once per build. While it runs, lookups see the index as it stands (the build's units are found
 * once their partitions are written, exact matches at once: exactMatch.ts) and the small-batch
 * indexer waits (changes queued after the build's start are indexed after it).
 */
import type Database from 'better-sqlite3';
import { BLOCK_IDS, toBlob, type createPostings } from './postings.js';

export interface BulkTuning {
  /** A queue at least this long is built in bulk. */
  minQueue: number;
  /** Queued changes read per transaction. */
  chunk: number;
  /** Queued changes per term partition: well under a million pairs per write step. */
  perPart: number;
}

export const BULK_TUNING: BulkTuning = { minQueue: 20_000, chunk: 2_000, perPart: 10_000 };
/** Rows per multi-row INSERT. */
const ROWS = 100;
/** Term hashes are 52-bit (termHash.ts). */
const TERM_SPACE = 2 ** 52;

interface UnitToIndex {
  id: number;
  pair: string;
  source_lang: string;
  source: string;
  origin: string;
  source_key: number | null;
}

export interface BulkIndexDeps {
  postings: ReturnType<typeof createPostings>;
  /** Tokenises a unit and stores its tokens, count and key; returns its index terms. */
  tokenise: (unit: UnitToIndex) => number[];
  /** A removed unit's terms (from its stored tokens). */
  removedTerms: (pair: string, tokens: string | null) => number[];
  /** Stores a sign-off unit's aligned sentence pairs; returns their ids (sentencePairs.ts). */
  sentencePairs: (unitId: number) => number[];
  /** Reads the token counts of units just tokenised (unitLengths.ts). */
  lengthsRead: (ids: readonly number[]) => void;
}

/** A growable list of (term, id) pairs. */
class Run {
  terms = new Float64Array(1024);
  ids = new Uint32Array(1024);
  length = 0;
  push(term: number, id: number): void {
    if (this.length === this.ids.length) {
      const terms = new Float64Array(this.length * 2);
      terms.set(this.terms);
      const ids = new Uint32Array(this.length * 2);
      ids.set(this.ids);
      this.terms = terms;
      this.ids = ids;
    }
    this.terms[this.length] = term;
    this.ids[this.length++] = id;
  }
}

const bytes = (a: Float64Array | Uint32Array, n: number): Buffer => Buffer.from(a.buffer, a.byteOffset, n * a.BYTES_PER_ELEMENT);
const float64s = (b: Buffer) => new Float64Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
const uint32s = (b: Buffer) => new Uint32Array(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));

/** Ids in ascending order, each once (they come in queue order: ascending unless an id was reused after a removal). */
function ascending(ids: number[]): number[] {
  for (let k = 1; k < ids.length; k++) {
    if (ids[k]! > ids[k - 1]!) continue;
    return [...new Set(ids)].sort((a, b) => a - b);
  }
  return ids;
}

/** Runs a multi-row statement `ROWS` rows at a time, a one-row one for the rest. */
function multiRow(db: Database.Database, head: string, row: string, tail = '') {
  const many = db.prepare(`${head} VALUES ${Array.from({ length: ROWS }, () => row).join(', ')} ${tail}`);
  const one = db.prepare(`${head} VALUES ${row} ${tail}`);
  const width = row.split('?').length - 1;
  return (params: unknown[]): void => {
    const full = Math.floor(params.length / (width * ROWS)) * width * ROWS;
    for (let at = 0; at < full; at += width * ROWS) many.run(params.slice(at, at + width * ROWS));
    for (let at = full; at < params.length; at += width) one.run(params.slice(at, at + width));
  };
}

export function createBulkIndex(db: Database.Database, deps: BulkIndexDeps, tuning: BulkTuning = BULK_TUNING) {
  const stateStmt = db.prepare<[], { last_seq: number; parts: number; read_seq: number }>(
    'SELECT last_seq, parts, read_seq FROM tm_index_build_state',
  );
  const queueStmt = db.prepare<[number], { n: number; last: number | null }>(
    'SELECT count(*) AS n, max(seq) AS last FROM tm_index_queue WHERE seq <= ?',
  );
  const beginStmt = db.prepare<[number, number]>('INSERT INTO tm_index_build_state (id, last_seq, parts, read_seq) VALUES (1, ?, ?, 0)');
  const rowsStmt = db.prepare<
    [number, number, number],
    { seq: number; unit_id: number; op: 'add' | 'remove'; pair: string; tokens: string | null }
  >('SELECT seq, unit_id, op, pair, tokens FROM tm_index_queue WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?');
  const unitStmt = db.prepare<[number], UnitToIndex>(
    'SELECT id, pair, source_lang, source, origin, source_key FROM tm_units WHERE id = ? AND tokens IS NULL',
  );
  const putRunStmt = db.prepare<[number, number, Buffer, Buffer]>(
    'INSERT INTO tm_index_build_runs (part, chunk, terms, ids) VALUES (?, ?, ?, ?)',
  );
  const readStmt = db.prepare<[number]>('UPDATE tm_index_build_state SET read_seq = ?');
  const nextPartStmt = db.prepare<[], number | null>('SELECT min(part) FROM tm_index_build_runs').pluck();
  const runsStmt = db.prepare<[number], { terms: Buffer; ids: Buffer }>(
    'SELECT terms, ids FROM tm_index_build_runs WHERE part = ? ORDER BY chunk',
  );
  const dropRunsStmt = db.prepare<[number]>('DELETE FROM tm_index_build_runs WHERE part = ?');
  const knownStmt = db.prepare<[number, number], number>('SELECT term FROM tm_terms WHERE term BETWEEN ? AND ?').pluck();
  const dfSubtractStmt = db.prepare<[number, number]>('UPDATE tm_terms SET df = df - ? WHERE term = ?');
  const finishStmt = db.prepare<[number]>('DELETE FROM tm_index_queue WHERE seq <= ?');
  const endStmt = db.prepare('DELETE FROM tm_index_build_state');
  const insertBlocks = multiRow(db, 'INSERT INTO tm_postings (term, block, ids)', '(?, ?, ?)');
  const addDf = multiRow(db, 'INSERT INTO tm_terms (term, df)', '(?, ?)', 'ON CONFLICT (term) DO UPDATE SET df = df + excluded.df');

  // Read from the database each time: right whichever store (or process) started the build.
  const active = (): boolean => stateStmt.get() !== undefined;

  /** Phase 1: one chunk of the build's queued changes into runs; false once all are read. */
  const readChunk = db.transaction((state: { last_seq: number; parts: number; read_seq: number }): boolean => {
    const rows = rowsStmt.all(state.read_seq, state.last_seq, tuning.chunk);
    if (rows.length === 0) return false;
    const runs = Array.from({ length: state.parts }, () => new Run());
    const read: number[] = [];
    const add = (unit: UnitToIndex): void => {
      for (const term of deps.tokenise(unit))
        runs[Math.min(state.parts - 1, Math.floor((term / TERM_SPACE) * state.parts))]!.push(term, unit.id);
      read.push(unit.id);
      if (unit.origin !== 'signoff') return;
      for (const id of deps.sentencePairs(unit.id)) {
        const pairUnit = unitStmt.get(id);
        if (pairUnit) add(pairUnit);
      }
    };
    for (const row of rows) {
      if (row.op === 'remove') {
        // Units indexed before the build: taken out of the index now.
        for (const term of deps.removedTerms(row.pair, row.tokens))
          if (deps.postings.remove(term, row.unit_id)) dfSubtractStmt.run(1, term);
        continue;
      }
      const unit = unitStmt.get(row.unit_id);
      if (unit) add(unit);
    }
    for (const [part, run] of runs.entries())
      if (run.length > 0) putRunStmt.run(part, rows[0]!.seq, bytes(run.terms, run.length), bytes(run.ids, run.length));
    deps.lengthsRead(read);
    readStmt.run(rows.at(-1)!.seq);
    return true;
  });

  /** Phase 2: one partition's runs into the index, in term order; false once none is left (the build is then over). */
  const writePart = db.transaction((state: { last_seq: number }): boolean => {
    const part = nextPartStmt.get();
    if (part === null || part === undefined) {
      finishStmt.run(state.last_seq);
      endStmt.run();
      return false;
    }
    const byTerm = new Map<number, number[]>();
    for (const run of runsStmt.iterate(part)) {
      const terms = float64s(run.terms);
      const ids = uint32s(run.ids);
      for (let k = 0; k < terms.length; k++) {
        const list = byTerm.get(terms[k]!);
        if (list) list.push(ids[k]!);
        else byTerm.set(terms[k]!, [ids[k]!]);
      }
    }
    const terms = Float64Array.from(byTerm.keys()).sort();
    const known = new Set(terms.length > 0 ? knownStmt.all(terms[0]!, terms.at(-1)!) : []);
    const blocks: unknown[] = [];
    const df: number[] = [];
    for (const term of terms) {
      const ids = ascending(byTerm.get(term)!);
      if (known.has(term)) {
        const added = deps.postings.add(term, ids);
        if (added > 0) df.push(term, added);
        continue;
      }
      for (let at = 0; at < ids.length; at += BLOCK_IDS) {
        const block = ids.slice(at, at + BLOCK_IDS);
        blocks.push(term, block[0], toBlob(block));
      }
      df.push(term, ids.length);
    }
    insertBlocks(blocks);
    addDf(df);
    dropRunsStmt.run(part);
    return true;
  });

  return {
    /** Whether a build is under way (the small-batch indexer then waits). */
    active,
    /** Starts a build when the queue is long enough; true when one is under way. */
    start(): boolean {
      if (active()) return true;
      const { n, last } = queueStmt.get(Number.MAX_SAFE_INTEGER)!;
      if (n < tuning.minQueue || last === null) return false;
      beginStmt.run(last, Math.max(1, Math.ceil(n / tuning.perPart)));
      return true;
    },
    /**
     * How many of the queued changes `total` still wait to be found by fuzzy lookups: those queued
     * after the build, and of the build's, all while it reads, then the share of partitions not yet
     * written (a unit is found as a whole once its last partition is written: an estimate).
     */
    waiting(total: number): number {
      const state = stateStmt.get();
      if (!state) return total;
      const own = queueStmt.get(state.last_seq)!.n;
      const left = state.read_seq < state.last_seq ? 1 : (state.parts - (nextPartStmt.get() ?? state.parts)) / state.parts;
      return total - own + Math.round(own * left);
    },
    /** One step (one transaction); false when the build is over. */
    step(): boolean {
      const state = stateStmt.get();
      if (!state) return false;
      if (state.read_seq < state.last_seq && readChunk(state)) return true;
      return writePart(state);
    },
  };
}
