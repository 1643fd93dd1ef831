/**
 * The translation memory over SQLite (tables: migration 0070).
 *
 * Fuzzy lookup, designed for 1,000,000 units and more:
 * 1. the query's tokens (shared/memory/matchScore.ts) are lower-cased and hashed to terms, with
 *    every pair of adjacent tokens (`indexTerms`);
 * 2. the document frequency of each comes from `tm_terms`; the `rareTerms` rarest are kept;
 * 3. rarest first, about `postingsCap` unit ids (newest first) per term are read from
 *    `tm_postings` (packed blocks clustered by term, main/memory/postings.ts) while a read budget
 *    lasts; overlaps are summed in a typed array indexed by unit id, rarer terms weighing more;
 * 4. each unit's overlap is scaled by n / max(n, m) (token counts; main/memory/unitLengths.ts), as a
 *    long unit sharing many terms still scores low, and units whose length alone rules them out are
 *    dropped (shared/memory/matchScore.ts `lengthBound`); the `candidates` best are re-ranked by the
 *    exact match score (main/memory/boundedScore.ts);
 * 5. the best TM_MAX_MATCHES at or above TM_MIN_SCORE are returned, each source+translation once.
 * Units reach the index through `tm_index_queue` (filled by triggers): each lookup indexes up to
 * DRAIN_BATCH queued changes first; `drainIndex` works off a big queue (a TMX import) with the
 * resumable bulk build (bulkIndex.ts), a short transaction per step, yielding to the event loop
 * between them, so lookups go on meanwhile. Exact matches need no index (`exactMatch`, exactMatch.ts).
 */
import type Database from 'better-sqlite3';
import type { TmMatch, TmMtOrigin, TmUnit, TmUnitOrigin } from '../../shared/features/memoryApi.js';
import { CONCORDANCE_MAX_HITS, TM_MAX_MATCHES, TM_MIN_SCORE } from '../../shared/memory/limits.js';
import { lengthBound, matchTokens, withoutCodes } from '../../shared/memory/matchScore.js';
import {
  languageVariant,
  pairKey,
  servesDirection,
  VARIANT_RANK,
  withVariantPenalty,
  type LanguageVariant,
} from '../../shared/memory/pair.js';
import { withFormatPenalty } from '../../shared/memory/formatting.js';
import type { InlineCode } from '../../shared/inline/inlineCodes.js';
import { createPostings } from './postings.js';
import { createSentencePairs } from './sentencePairs.js';
import { sourceKey, termHash } from './termHash.js';
import { createExactMatch } from './exactMatch.js';
import { BULK_TUNING, createBulkIndex, type BulkTuning } from './bulkIndex.js';
import { createUnitLengths } from './unitLengths.js';
import { boundedScorer } from './boundedScore.js';

export const TOKEN_SEPARATOR = '\u001f';

export interface TmTuning {
  /** How many of the query's rarest terms are looked up. */
  rareTerms: number;
  /** Most postings read per term. */
  postingsCap: number;
  /** Postings read per lookup, beyond which no further (more common) term is read. */
  postingsBudget: number;
  /** Units re-ranked by the exact score. */
  candidates: number;
}

export const DEFAULT_TUNING: TmTuning = { rareTerms: 16, postingsCap: 100_000, postingsBudget: 150_000, candidates: 200 };
/** Queued changes indexed at a time outside bulk builds (a few milliseconds' work). */
const DRAIN_BATCH = 500;
/** Terms always read, whatever the budget. */
const MIN_TERMS = 4;

/** Scratch space for overlap weights (one slot per unit id), reset after every lookup. */
let weights = new Float32Array(0);
/** Scratch space for the ids a lookup touched (no garbage per lookup). */
let touchedIds: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
const grown = (a: Uint32Array, size: number): Uint32Array<ArrayBuffer> => {
  const bigger = new Uint32Array(Math.max(size, a.length * 2));
  bigger.set(a);
  return bigger;
};

/** The `count` ids of highest weight (ties: newer first), without sorting them all: a 256-bucket histogram finds the cut. */
export function topByWeight(ids: ArrayLike<number>, w: Float32Array, maxWeight: number, count: number): number[] {
  if (ids.length <= count) return Array.from(ids).sort((a, b) => w[b]! - w[a]! || b - a);
  const buckets = new Int32Array(257);
  const scale = 256 / maxWeight;
  for (let k = 0; k < ids.length; k++) buckets[Math.min(256, Math.floor(w[ids[k]!]! * scale))]!++;
  let cut = 256;
  for (let total = buckets[256]!; cut > 0 && total < count;) total += buckets[--cut]!;
  const above: number[] = [];
  for (let k = 0; k < ids.length; k++) if (Math.floor(w[ids[k]!]! * scale) >= cut) above.push(ids[k]!);
  return above.sort((a, b) => w[b]! - w[a]! || b - a).slice(0, count);
}

/** The token counts [shortest, longest] a unit can have and still reach `minScore` against n tokens (lengthBound). */
export function lengthRange(n: number, minScore: number): [number, number] {
  if (minScore <= 0) return [0, 0xffff];
  let shortest = n;
  while (shortest > 0 && lengthBound(n, shortest - 1) >= minScore) shortest--;
  let longest = n;
  while (lengthBound(n, longest + 1) >= minScore && longest < 0xffff) longest++;
  return [shortest, longest];
}

/** A unit to add: a TmUnit before it has an id (the document is optional). */
export type NewTmUnit = Omit<TmUnit, 'unitId' | 'documentId' | 'documentTitle'> & {
  documentId?: string | null;
  documentTitle?: string | null;
  /** The exact-match key (termHash.ts `sourceKey`), when computed ahead (the TMX import worker). */
  sourceKey?: number;
};

interface UnitRow {
  id: number;
  source_lang: string;
  target_lang: string;
  source: string;
  target: string;
  origin: TmUnitOrigin;
  created_by: string;
  created_at: string;
  document_id: string | null;
  document_title: string | null;
  paragraph_id: string | null;
  codes: string;
  mt_origin: string | null;
}

const UNIT_COLUMNS =
  'id, source_lang, target_lang, source, target, origin, created_by, created_at, document_id, document_title, paragraph_id, codes, mt_origin';

function parseMtOrigin(json: string | null): TmMtOrigin | null {
  if (json === null) return null;
  const value = JSON.parse(json) as {
    kind?: unknown;
    engineId?: unknown;
    engineName?: unknown;
    engineVersion?: unknown;
    createdAt?: unknown;
  };
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  if (value.kind === 'unknown') return { kind: 'unknown' };
  if (value.kind !== 'mt' || typeof value.engineId !== 'string') return null;
  return {
    kind: 'mt',
    engineId: value.engineId,
    engineName: str(value.engineName),
    engineVersion: str(value.engineVersion),
    createdAt: str(value.createdAt),
  };
}

function parseCodes(json: string): InlineCode[] {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? (value as InlineCode[]) : [];
}

function toUnit(r: UnitRow): TmUnit {
  return {
    unitId: r.id,
    sourceLang: r.source_lang,
    targetLang: r.target_lang,
    source: r.source,
    target: r.target,
    origin: r.origin,
    createdBy: r.created_by,
    createdAt: r.created_at,
    documentId: r.document_id,
    documentTitle: r.document_title,
    codes: parseCodes(r.codes),
    mtOrigin: parseMtOrigin(r.mt_origin),
  };
}

/**
 * The index terms of a text: each lower-cased token and each pair of adjacent tokens. Bigrams are
 * what tell near-duplicates apart: in boilerplate the differing word is often common ("Monday"),
 * but the pair it forms with its neighbour is rare.
 */
export function indexTerms(pair: string, tokens: readonly string[]): number[] {
  const seen = new Set<number>();
  let previous: string | null = null;
  for (const t of tokens) {
    const lower = t.toLowerCase();
    seen.add(termHash(pair, lower));
    if (previous !== null) seen.add(termHash(pair, `${previous}\u0002${lower}`));
    previous = lower;
  }
  return [...seen];
}

export interface LookupOptions {
  limit?: number;
  minScore?: number;
  /** Units of this paragraph are not matches for it. */
  excludeParagraphId?: string;
  /** The query's inline codes: a unit whose formatting differs loses FORMAT_PENALTY points. */
  codes?: readonly InlineCode[];
}

interface UnitToIndex {
  id: number;
  pair: string;
  source_lang: string;
  source: string;
  source_key: number | null;
}

export function createTmStore(db: Database.Database, tuning: TmTuning = DEFAULT_TUNING, bulkTuning: BulkTuning = BULK_TUNING) {
  const queueStmt = db.prepare<[number], { seq: number; unit_id: number; op: 'add' | 'remove'; pair: string; tokens: string | null }>(
    'SELECT seq, unit_id, op, pair, tokens FROM tm_index_queue ORDER BY seq LIMIT ?',
  );
  const unitToIndexStmt = db.prepare<[number], UnitToIndex>(
    'SELECT id, pair, source_lang, source, source_key FROM tm_units WHERE id = ? AND tokens IS NULL',
  );
  const setTokensStmt = db.prepare<[string, number, number]>('UPDATE tm_units SET tokens = ?, token_count = ? WHERE id = ?');
  const setTokensKeyStmt = db.prepare<[string, number, number, number]>(
    'UPDATE tm_units SET tokens = ?, token_count = ?, source_key = ? WHERE id = ?',
  );
  /** Stores a unit's tokens, and its exact key unless it has it (rewriting the key's index entry costs a random page write). */
  function storeTokens(unit: UnitToIndex): string[] {
    const tokens = matchTokens(unit.source, unit.source_lang);
    const joined = tokens.join(TOKEN_SEPARATOR);
    const key = sourceKey(unit.pair, unit.source);
    if (unit.source_key === key) setTokensStmt.run(joined, tokens.length, unit.id);
    else setTokensKeyStmt.run(joined, tokens.length, key, unit.id);
    return tokens;
  }
  const exact = createExactMatch(db);
  const postings = createPostings(db);
  const sentencePairs = createSentencePairs(db);
  const dfAddStmt = db.prepare<[number, number]>(
    'INSERT INTO tm_terms (term, df) VALUES (?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df',
  );
  // (A CHECK is tested before an upsert's conflict, so negative deltas go through UPDATE.)
  const dfSubtractStmt = db.prepare<[number, number]>('UPDATE tm_terms SET df = df - ? WHERE term = ?');
  const dropQueueStmt = db.prepare<[number]>('DELETE FROM tm_index_queue WHERE seq <= ?');
  const pendingStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM tm_index_queue');
  const unitLengths = createUnitLengths(db);
  const bulk = createBulkIndex(
    db,
    {
      postings,
      tokenise: (unit) => indexTerms(unit.pair, storeTokens(unit)),
      removedTerms: (pair, tokens) =>
        indexTerms(
          pair,
          (tokens ?? '').split(TOKEN_SEPARATOR).filter((t) => t !== ''),
        ),
      sentencePairs: (unitId) => sentencePairs.addFor(unitId),
      lengthsRead: (ids) => unitLengths.refresh(ids),
    },
    bulkTuning,
  );

  const maxIdStmt = db.prepare<[], number>('SELECT max(id) FROM tm_units').pluck();
  const dfStmt = db.prepare<[number], number>('SELECT df FROM tm_terms WHERE term = ?').pluck();
  // A sentence unit (migration 0280) belongs to its parent's paragraph.
  const tokensOfStmt = db.prepare<[string], { id: number; tokens: string; token_count: number; paragraph_id: string | null }>(
    `SELECT id, tokens, token_count, coalesce(paragraph_id, (SELECT p.paragraph_id FROM tm_units p WHERE p.id = u.parent_unit_id)) AS paragraph_id
     FROM tm_units u WHERE id IN (SELECT value FROM json_each(?)) AND tokens IS NOT NULL`,
  );
  const unitsStmt = db.prepare<[string], UnitRow>(`SELECT ${UNIT_COLUMNS} FROM tm_units WHERE id IN (SELECT value FROM json_each(?))`);
  const unitStmt = db.prepare<[number], UnitRow>(`SELECT ${UNIT_COLUMNS} FROM tm_units WHERE id = ?`);
  const insertStmt = db.prepare(
    `INSERT INTO tm_units (pair, source_lang, target_lang, source, target, codes, origin, document_id, document_title, created_by, created_at, mt_origin, source_key)
     VALUES (@pair, @sourceLang, @targetLang, @source, @target, @codes, @origin, @documentId, @documentTitle, @createdBy, @createdAt, @mtOrigin, @sourceKey)`,
  );
  const existsStmt = db
    .prepare<[string, string, string, string, string, string, string], number>(
      // The same texts with other formatting (codes) or in another variant (fr-CA, fr) are another unit.
      `SELECT 1 FROM tm_units WHERE pair = ? AND substr(source, 1, 48) = substr(?, 1, 48) AND source = ? AND target = ?
         AND json(codes) = json(?) AND lower(source_lang) = lower(?) AND lower(target_lang) = lower(?) LIMIT 1`,
    )
    .pluck();
  const countStmt = db.prepare<[string], number>('SELECT count(*) FROM tm_units WHERE pair = ?').pluck();
  const countTmxStmt = db.prepare<[string], number>("SELECT count(*) FROM tm_units WHERE pair = ? AND origin = 'tmx'").pluck();
  const listStmt = db.prepare<[string], UnitRow>(`SELECT ${UNIT_COLUMNS} FROM tm_units WHERE pair = ? ORDER BY id`);
  const deleteTmxStmt = db.prepare<[string]>("DELETE FROM tm_units WHERE pair = ? AND origin = 'tmx'");

  /** Indexes up to `batch` queued changes in one transaction; returns how many were handled. */
  const indexBatch = db.transaction((batch: number): number => {
    // A bulk build under way (bulkIndex.ts) owns the queue until it is over.
    if (bulk.active()) return 0;
    const rows = queueStmt.all(batch);
    if (rows.length === 0) return 0;
    const added = new Map<number, number[]>();
    const dfDelta = new Map<number, number>();
    const indexAdded = (unitId: number): void => {
      const unit = unitToIndexStmt.get(unitId);
      if (!unit) return;
      const tokens = storeTokens(unit);
      for (const term of indexTerms(unit.pair, tokens)) {
        const ids = added.get(term);
        if (ids) ids.push(unit.id);
        else added.set(term, [unit.id]);
      }
      // A sign-off's sentence pairs join the TM when aligned (sentencePairs.ts), indexed with it
      // (their own queue entries then find them indexed and are dropped).
      for (const id of sentencePairs.addFor(unit.id)) indexAdded(id);
    };
    for (const row of rows) {
      if (row.op === 'remove') {
        for (const term of indexTerms(
          row.pair,
          (row.tokens ?? '').split(TOKEN_SEPARATOR).filter((t) => t !== ''),
        )) {
          if (postings.remove(term, row.unit_id)) dfDelta.set(term, (dfDelta.get(term) ?? 0) - 1);
        }
        continue;
      }
      indexAdded(row.unit_id);
    }
    // In term order: the postings table is clustered by term.
    for (const [term, ids] of [...added].sort((x, y) => x[0] - y[0])) {
      const n = postings.add(term, ids);
      if (n > 0) dfDelta.set(term, (dfDelta.get(term) ?? 0) + n);
    }
    for (const [term, delta] of [...dfDelta].sort((a, b) => a[0] - b[0])) {
      if (delta > 0) dfAddStmt.run(term, delta);
      else if (delta < 0) dfSubtractStmt.run(-delta, term);
    }
    unitLengths.refresh(rows.filter((r) => r.op === 'add').map((r) => r.unit_id));
    dropQueueStmt.run(rows.at(-1)!.seq);
    return rows.length;
  });

  /** Indexes queued changes, `batch` at a time, at most `maxBatches` batches; returns how many were handled. */
  function syncIndex(batch = 20_000, maxBatches = Infinity): number {
    let done = 0;
    for (let i = 0, n = 1; i < maxBatches && n > 0; i++) done += n = indexBatch(batch);
    return done;
  }

  /** Indexes the whole queue in small batches, yielding to the event loop between them (after a big TMX import). */
  let draining: Promise<void> | null = null;
  /** Work that holds the background indexing back while it runs (a pre-fill: the user waits for it). */
  let holds = 0;
  function drainIndex(): Promise<void> {
    draining ??= (async () => {
      try {
        for (;;) {
          if (!db.open) return;
          if (holds > 0) {
            await new Promise((resolve) => setTimeout(resolve, 20));
            continue;
          }
          // A long queue (a big import) is built in bulk; then what was queued meanwhile in small batches.
          const more = bulk.start() ? bulk.step() || bulk.active() || pendingStmt.get()!.n > 0 : indexBatch(DRAIN_BATCH) > 0;
          if (!more) return;
          await new Promise((resolve) => setImmediate(resolve));
        }
      } finally {
        draining = null;
      }
    })();
    return draining;
  }

  function lookup(sourceLang: string, targetLang: string, text: string, options: LookupOptions = {}): TmMatch[] {
    // Sign-offs since the last lookup are indexed now; a big import is indexed in the background.
    syncIndex(DRAIN_BATCH, 1);
    const limit = options.limit ?? TM_MAX_MATCHES;
    const minScore = options.minScore ?? TM_MIN_SCORE;
    const pair = pairKey(sourceLang, targetLang);
    const query = matchTokens(text, sourceLang);
    const n = query.length;
    if (n === 0) return [];

    // 2. The rarest terms the TM has.
    const terms = indexTerms(pair, query)
      .map((term) => ({ term, df: dfStmt.get(term) ?? 0 }))
      .filter((t) => t.df > 0)
      .sort((a, b) => a.df - b.df)
      .slice(0, tuning.rareTerms);
    if (terms.length === 0) return [];

    // 3. Overlap, rarer terms weighing more, summed in a typed array indexed by unit id.
    const maxId = maxIdStmt.get() ?? 0;
    if (weights.length <= maxId) weights = new Float32Array(Math.max(maxId + 1, weights.length * 2, 1024));
    let touched = 0;
    let maxWeight = 0;
    let budget = tuning.postingsBudget;
    for (const [i, { term, df }] of terms.entries()) {
      // The rarest terms always count; more common ones only while the read budget lasts.
      if (i >= MIN_TERMS && budget <= 0) break;
      // Inverse document frequency: a rare shared term says more than a common one.
      const w = Math.log((maxId + 2) / df);
      for (const ids of postings.newest(term, tuning.postingsCap)) {
        budget -= ids.length;
        if (touchedIds.length < touched + ids.length) touchedIds = grown(touchedIds, touched + ids.length);
        for (let k = 0; k < ids.length; k++) {
          const id = ids[k]!;
          if (id > maxId) continue;
          const before = weights[id]!;
          if (before === 0) touchedIds[touched++] = id;
          const after = before + w;
          weights[id] = after;
          if (after > maxWeight) maxWeight = after;
        }
      }
    }
    // By length: the share of the query's weight a unit has, over the longer of the two (a long
    // unit sharing many terms still scores low); units whose length alone rules them out are dropped.
    const lengths = unitLengths.upTo(maxId);
    const [shortest, longest] = lengthRange(n, minScore);
    let kept = 0;
    maxWeight = 0;
    for (let k = 0; k < touched; k++) {
      const id = touchedIds[k]!;
      const m = lengths[id] || n;
      if (m < shortest || m > longest) {
        weights[id] = 0;
        continue;
      }
      const w = m > n ? (weights[id]! * n) / m : weights[id]!;
      weights[id] = w;
      if (w > maxWeight) maxWeight = w;
      touchedIds[kept++] = id;
    }
    const candidates = touchedIds.subarray(0, kept);
    const ranked = topByWeight(candidates, weights, maxWeight, tuning.candidates);
    for (const id of candidates) weights[id] = 0;

    // 4. Exact re-rank, with the length filter first.
    const scored: { id: number; score: number }[] = [];
    const scoreOf = boundedScorer(query);
    for (const row of tokensOfStmt.all(JSON.stringify(ranked))) {
      if (options.excludeParagraphId !== undefined && row.paragraph_id === options.excludeParagraphId) continue;
      if (lengthBound(n, row.token_count) < minScore) continue;
      const score = scoreOf(row.token_count === 0 ? [] : row.tokens.split(TOKEN_SEPARATOR), minScore);
      if (score >= minScore) scored.push({ id: row.id, score });
    }
    scored.sort((a, b) => b.score - a.score || b.id - a.id);
    const top = scored.slice(0, limit * 4);
    const rows = new Map(unitsStmt.all(JSON.stringify(top.map((s) => s.id))).map((r) => [r.id, r]));
    // The formatting penalty (shared/memory/formatting.ts): the words matched; does the formatting?
    // The variant penalty (shared/memory/pair.ts): is it the document's variant of the target language?
    const asked = { source: text, codes: options.codes ?? [] };
    const variants = new Map<number, LanguageVariant>();
    for (const s of top) {
      const r = rows.get(s.id);
      if (!r) continue;
      if (!servesDirection({ sourceLang: r.source_lang, targetLang: r.target_lang }, sourceLang, targetLang)) {
        rows.delete(s.id);
        continue;
      }
      variants.set(s.id, languageVariant(r.target_lang, targetLang));
      s.score = withVariantPenalty(
        withFormatPenalty(s.score, { source: r.source, codes: parseCodes(r.codes) }, asked),
        r.target_lang,
        targetLang,
      );
    }
    // Best score first; at the same score the document's own variant, then the language's (shared/memory/pair.ts VARIANT_RANK).
    top.sort(
      (a, b) =>
        b.score - a.score || VARIANT_RANK[variants.get(a.id) ?? 'other'] - VARIANT_RANK[variants.get(b.id) ?? 'other'] || b.id - a.id,
    );
    // 5. The same source and translation once (the newest).
    const seen = new Set<string>();
    const matches: TmMatch[] = [];
    for (const { id, score } of top) {
      const r = rows.get(id);
      if (!r || score < minScore) continue;
      const key = `${r.source}\u0000${r.target}`;
      if (seen.has(key)) continue;
      seen.add(key);
      matches.push({ ...toUnit(r), score, variant: variants.get(id) ?? 'other' });
      if (matches.length === limit) break;
    }
    return matches;
  }

  /**
   * The best 100 % match, found by the source's exact key (exactMatch.ts), the fuzzy index built or
   * not (pre-fill right after a big TMX import). The same rules as `lookup` at 100 %: the formatting
   * and variant penalties (a unit that loses a point is no 100 % match), the direction, at equal
   * score the document's own variant first, then the newest.
   */
  function exactMatch(
    sourceLang: string,
    targetLang: string,
    text: string,
    options: Omit<LookupOptions, 'limit' | 'minScore'> = {},
  ): TmMatch | null {
    const tokens = matchTokens(text, sourceLang);
    if (tokens.length === 0) return null;
    exact.keyMissing();
    const ids = exact.unitIds(pairKey(sourceLang, targetLang), text, tokens, options.excludeParagraphId);
    if (ids.length === 0) return null;
    const asked = { source: text, codes: options.codes ?? [] };
    const best = unitsStmt
      .all(JSON.stringify(ids))
      .filter((r) => servesDirection({ sourceLang: r.source_lang, targetLang: r.target_lang }, sourceLang, targetLang))
      .map((r) => ({
        r,
        variant: languageVariant(r.target_lang, targetLang),
        score: withVariantPenalty(
          withFormatPenalty(100, { source: r.source, codes: parseCodes(r.codes) }, asked),
          r.target_lang,
          targetLang,
        ),
      }))
      .filter((m) => m.score === 100)
      .sort((a, b) => VARIANT_RANK[a.variant] - VARIANT_RANK[b.variant] || b.r.id - a.r.id)[0];
    return best ? { ...toUnit(best.r), score: 100, variant: best.variant } : null;
  }

  /** Units of the pair whose source contains `query` (case-insensitive), newest first. */
  function concordance(sourceLang: string, targetLang: string, query: string, limit = CONCORDANCE_MAX_HITS): TmUnit[] {
    syncIndex(DRAIN_BATCH, 1);
    const pair = pairKey(sourceLang, targetLang);
    const needle = query.normalize('NFC').trim().toLowerCase();
    const tokens = matchTokens(needle, sourceLang);
    if (tokens.length === 0) return [];
    const terms = indexTerms(pair, tokens).map((term) => ({ term, df: dfStmt.get(term) ?? 0 }));
    if (terms.some((t) => t.df === 0)) return [];
    const rarest = terms.sort((a, b) => a.df - b.df)[0]!;
    const ids = postings.newest(rarest.term, 50_000).flatMap((block) => Array.from(block).reverse());
    const hits: TmUnit[] = [];
    for (let i = 0; i < ids.length && hits.length < limit; i += 500) {
      const rows = unitsStmt.all(JSON.stringify(ids.slice(i, i + 500))).sort((a, b) => b.id - a.id);
      for (const r of rows) {
        if (!servesDirection({ sourceLang: r.source_lang, targetLang: r.target_lang }, sourceLang, targetLang)) continue;
        if (withoutCodes(r.source).normalize('NFC').toLowerCase().includes(needle)) hits.push(toUnit(r));
        if (hits.length === limit) break;
      }
    }
    return hits;
  }

  /** Adds units (one transaction); with `skipExisting`, a unit whose pair, source and target are already there is skipped. */
  const addUnits = db.transaction((units: readonly NewTmUnit[], skipExisting: boolean): { added: number; skipped: number } => {
    let added = 0;
    let skipped = 0;
    for (const u of units) {
      const pair = pairKey(u.sourceLang, u.targetLang);
      const codes = JSON.stringify(u.codes ?? []);
      if (skipExisting && existsStmt.get(pair, u.source, u.source, u.target, codes, u.sourceLang, u.targetLang) !== undefined) {
        skipped++;
        continue;
      }
      const { mtOrigin, codes: _codes, ...unit } = u;
      insertStmt.run({
        ...unit,
        pair,
        codes,
        documentId: u.documentId ?? null,
        documentTitle: u.documentTitle ?? null,
        mtOrigin: mtOrigin ? JSON.stringify(mtOrigin) : null,
        sourceKey: u.sourceKey ?? null,
      });
      added++;
    }
    return { added, skipped };
  });

  return {
    syncIndex,
    drainIndex,
    /** Reads the units' lengths in the background (main/memory/unitLengths.ts); the first lookup starts it too. */
    warmLengths: () => unitLengths.warm(),
    /** Queued changes not yet indexed (during a bulk build, an estimate that goes down as it writes: bulkIndex.ts). */
    pending: () => bulk.waiting(pendingStmt.get()!.n),
    /** Runs `work` with the background indexing held back (it resumes after). */
    async holdingIndex<T>(work: () => Promise<T>): Promise<T> {
      holds++;
      try {
        return await work();
      } finally {
        holds--;
      }
    },
    /** Whether a bulk build of the index is under way (bulkIndex.ts). */
    building: () => bulk.active(),
    lookup,
    exactMatch,
    concordance,
    addUnits: (units: readonly NewTmUnit[], skipExisting = true) => addUnits(units, skipExisting),
    /** Removes the units earlier TMX imports brought into a pair; returns how many. */
    removeTmxUnits: (sourceLang: string, targetLang: string) => deleteTmxStmt.run(pairKey(sourceLang, targetLang)).changes,
    unit: (id: number): (TmUnit & { paragraphId: string | null }) | null => {
      const r = unitStmt.get(id);
      return r ? { ...toUnit(r), paragraphId: r.paragraph_id } : null;
    },
    count: (sourceLang: string, targetLang: string) => countStmt.get(pairKey(sourceLang, targetLang)) ?? 0,
    /** The pair's units imported from TMX files (what "replace" removes). */
    countTmx: (sourceLang: string, targetLang: string) => countTmxStmt.get(pairKey(sourceLang, targetLang)) ?? 0,
    list: (sourceLang: string, targetLang: string): TmUnit[] =>
      listStmt
        .all(pairKey(sourceLang, targetLang))
        .map(toUnit)
        .filter((u) => servesDirection(u, sourceLang, targetLang)),
    /** For the benchmark's brute force: every unit's id and tokens in a pair. */
    iterateTokens: (sourceLang: string, targetLang: string) =>
      db
        .prepare<[string], { id: number; tokens: string }>('SELECT id, tokens FROM tm_units WHERE pair = ? AND tokens IS NOT NULL')
        .iterate(pairKey(sourceLang, targetLang)),
  };
}

export type TmStore = ReturnType<typeof createTmStore>;
