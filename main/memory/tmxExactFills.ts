/**
 * Pre-fill from a TMX file without storing it (issue 17; docs/translation-memory.md): the file is
 * read once and each paragraph gets the unit `verso tm import` + `--prefill` would give it — the
 * rules of tmStore.ts `exactMatch` on the units `tm import` would store (exactMatch.ts):
 * - same pair, same exact key (`exactText`) and the same match tokens (`matchTokens`, the unit's
 *   tokens in its own source language);
 * - serving the document's direction, and still 100 after the formatting and variant penalties;
 * - the file's repeated units (same pair, variants, texts and codes: tmxStaging.ts) count once, at
 *   their first place, as the import stores only the first;
 * - at equal rank the document's own target variant first, then the last in the file (the newest id).
 * Reading: the index of the file's source segments (tmxSourceIndex.ts, built beforehand in a worker
 * or here) tells which units can match; only those are read from the file and handed to the real
 * reader (tmxCandidateUnits.ts, in that worker or here). When the index gave up, the file changed since, or it is broken, the whole file is read
 * by the real reader alone, whose result (or error, with its line and unit) is then the answer.
 */
import fs from 'node:fs';
import type { TmUnit } from '../../shared/features/memoryApi.js';
import type { InlineCode } from '../../shared/inline/inlineCodes.js';
import { withFormatPenalty } from '../../shared/memory/formatting.js';
import { exactText, matchTokens } from '../../shared/memory/matchScore.js';
import { languageVariant, pairKey, servesDirection, VARIANT_RANK, withVariantPenalty } from '../../shared/memory/pair.js';
import { textHash, TmxScanFallback } from './tmxExactScan.js';
import { TmxReader } from './tmxReader.js';
import { readCandidateUnits, type CandidateReading } from './tmxCandidateUnits.js';
import { buildTmxSourceIndex, type TmxSourceIndex } from './tmxSourceIndex.js';
import type { NewTmUnit } from './tmStore.js';

/** Bytes read at a time. */
const CHUNK_BYTES = 64 * 1024;
const CHUNKS_PER_TURN = 16;
const SEPARATOR = '\u001f';

export interface FillableParagraph {
  id: string;
  source: string;
  codes: readonly InlineCode[];
}

interface Pair {
  sourceLang: string;
  targetLang: string;
}

interface Best {
  unit: NewTmUnit;
  rank: number;
  order: number;
}

/** The `textHash`es of these sources' exact texts (those with one): what their candidates are read for. */
export function sourceHashesOf(sources: Iterable<string>): Set<number> {
  const hashes = new Set<number>();
  for (const source of sources) {
    const key = exactText(source);
    if (key !== '') hashes.add(textHash(key));
  }
  return hashes;
}

/** The best exact unit of each paragraph, offered the file's units in order. */
export class ExactFills {
  private readonly byKey = new Map<string, { p: FillableParagraph; tokens: string | null }[]>();
  private readonly hashes = new Set<number>();
  private readonly best = new Map<string, Best>();
  private readonly seen = new Set<string>();
  private readonly pair: string;
  private order = 0;

  constructor(
    paragraphs: readonly FillableParagraph[],
    private readonly langs: Pair,
  ) {
    this.pair = pairKey(langs.sourceLang, langs.targetLang);
    // A text without tokens has no exact text either (its tokens are segmented when a unit of its text comes).
    for (const p of paragraphs) {
      const key = exactText(p.source);
      if (key === '') continue;
      const list = this.byKey.get(key) ?? [];
      list.push({ p, tokens: null });
      this.byKey.set(key, list);
      this.hashes.add(textHash(key));
    }
  }

  /** Whether a source of this exact text could fill a paragraph. */
  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** The `textHash`es of the paragraphs' exact texts. */
  get sourceHashes(): ReadonlySet<number> {
    return this.hashes;
  }

  /** A unit of the file (in file order). */
  offer(u: NewTmUnit): void {
    this.order++;
    const list = this.byKey.get(exactText(u.source));
    if (!list || pairKey(u.sourceLang, u.targetLang) !== this.pair) return;
    const codes = u.codes ?? [];
    // tm import keeps the first of the file's repeated units (tmxStaging.ts `unitKey`).
    const identity = JSON.stringify([
      this.pair,
      u.sourceLang.toLowerCase(),
      u.targetLang.toLowerCase(),
      u.source,
      u.target,
      JSON.stringify(codes),
    ]);
    if (this.seen.has(identity)) return;
    this.seen.add(identity);
    const { sourceLang, targetLang } = this.langs;
    if (!servesDirection(u, sourceLang, targetLang)) return;
    let tokens: string | null = null;
    const rank = VARIANT_RANK[languageVariant(u.targetLang, targetLang)];
    for (const entry of list) {
      const { p } = entry;
      // The same text in the same language has the same tokens (some: its exact text is not empty).
      if (!(u.source === p.source && u.sourceLang === sourceLang)) {
        entry.tokens ??= matchTokens(p.source, sourceLang).join(SEPARATOR);
        tokens ??= matchTokens(u.source, u.sourceLang).join(SEPARATOR);
        if (entry.tokens === '' || entry.tokens !== tokens) continue;
      }
      const score = withVariantPenalty(
        withFormatPenalty(100, { source: u.source, codes }, { source: p.source, codes: p.codes }),
        u.targetLang,
        targetLang,
      );
      if (score !== 100) continue;
      const current = this.best.get(p.id);
      if (!current || rank < current.rank || (rank === current.rank && this.order > current.order))
        this.best.set(p.id, { unit: u, rank, order: this.order });
    }
  }

  /** Each paragraph's unit, as the TM would give it (not stored: unit id 0). */
  matches(): Map<string, TmUnit> {
    const out = new Map<string, TmUnit>();
    for (const [id, { unit }] of this.best) {
      out.set(id, {
        ...unit,
        unitId: 0,
        documentId: null,
        documentTitle: null,
        codes: [...(unit.codes ?? [])],
        mtOrigin: unit.mtOrigin ?? null,
      });
    }
    return out;
  }
}

export interface TmxFillsResult {
  matches: Map<string, TmUnit>;
  /** <tu>s in the file. */
  tus: number;
  /** Units the real reader read: the candidates (fast path) or all of them. */
  parsed: number;
  fast: boolean;
}

/** The file in pieces, the event loop turning every CHUNKS_PER_TURN of them (other requests go on). */
async function* chunks(file: string): AsyncGenerator<Uint8Array> {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = new Uint8Array(CHUNK_BYTES);
    for (let k = 1; ; k++) {
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) return;
      yield buffer.subarray(0, n);
      if (k % CHUNKS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Fast path: the candidate units (read from the index by the worker, or here) to the fills. Throws TmxScanFallback or the reader's error. */
async function fromCandidates(reading: Promise<CandidateReading>, fills: ExactFills): Promise<TmxFillsResult> {
  const ready = await reading;
  if (ready instanceof TmxScanFallback) throw ready;
  for (const u of ready.units) fills.offer(u);
  return { matches: fills.matches(), tus: ready.tus, parsed: ready.units.length, fast: true };
}

/** The candidates of `hashes`, read here from the file's index (`index`, else built here). */
async function candidatesHere(
  file: string,
  pair: Pair,
  now: string,
  hashes: ReadonlySet<number>,
  index?: Promise<TmxSourceIndex | TmxScanFallback>,
): Promise<CandidateReading> {
  try {
    const ready = await (index ?? buildTmxSourceIndex(file, pair.sourceLang));
    return ready instanceof TmxScanFallback ? ready : readCandidateUnits(file, ready, pair, hashes, now);
  } catch (err) {
    if (err instanceof TmxScanFallback) return err;
    throw err;
  }
}

/** The real reader on the whole file. */
async function readAll(file: string, fills: ExactFills, pair: Pair, now: string): Promise<TmxFillsResult> {
  let parsed = 0;
  const reader = new TmxReader(pair, now, (u) => {
    parsed++;
    fills.offer(u);
  });
  for await (const chunk of chunks(file)) reader.writeBytes(chunk);
  const { tus } = reader.end();
  return { matches: fills.matches(), tus, parsed, fast: false };
}

/** Gives the candidate units of a set of exact-text hashes (main/import/tmxSourceIndexRunner.ts reads them in the worker). */
export type CandidatesOf = (hashes: ReadonlySet<number>) => Promise<CandidateReading>;

/**
 * The exact matches a TMX file gives `paragraphs` (the document's pair `pair`). Reads the file once
 * (twice when the fast scan gives up or the file is broken); throws the real reader's error
 * (TMX_INVALID, TMX_DOCTYPE) for a broken file. `candidates`: the file's candidate units, read
 * from an index being built since before the paragraphs were known (tmxSourceIndexRunner.ts);
 * else they are read here, from `index` or an index built here. `fast: false` reads with the real
 * reader only (tests).
 */
export async function tmxExactFills(
  file: string,
  paragraphs: readonly FillableParagraph[],
  pair: Pair,
  now: string,
  options: { fast?: boolean; candidates?: CandidatesOf; index?: Promise<TmxSourceIndex | TmxScanFallback> } = {},
): Promise<TmxFillsResult> {
  if (options.fast !== false) {
    try {
      const fills = new ExactFills(paragraphs, pair);
      const candidates = options.candidates ?? ((hashes) => candidatesHere(file, pair, now, hashes, options.index));
      return await fromCandidates(candidates(fills.sourceHashes), fills);
    } catch {
      // Given up, or broken: the real reader alone decides (and names the line and unit).
    }
  }
  return readAll(file, new ExactFills(paragraphs, pair), pair, now);
}
