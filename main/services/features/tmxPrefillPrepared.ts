/**
 * TMX files being read ahead for "pre-fill from a TMX file" (issue 17, `prepareTmxPrefill`): the
 * index of a file's source-language segments is started in the import worker before the document
 * it is for is imported (main/import/tmxSourceIndexRunner.ts); as soon as a document in that
 * language is parsed, its paragraphs' hashes are `offer`ed and the worker reads their candidate
 * units while the document is stored; the `prefillFromTmx` that follows `take`s them — once. At
 * most MAX_PREPARED readings are held (the oldest is dropped), each for at most KEEP_MS; the
 * candidates are read only if the file has not changed since it was indexed.
 */
import { primaryLanguage } from '../../../shared/memory/pair.js';
import type { CandidateReading } from '../../memory/tmxCandidateUnits.js';
import type { CandidatesOf } from '../../memory/tmxExactFills.js';
import { sourceHashesOf } from '../../memory/tmxExactFills.js';
import { tmxLanguageTag } from '../../memory/tmx.js';
import { runTmxSourceIndex, type TmxReadAhead } from '../../import/tmxSourceIndexRunner.js';

const MAX_PREPARED = 2;
const KEEP_MS = 10 * 60_000;

interface Pair {
  sourceLang: string;
  targetLang: string;
}

interface Asked {
  pair: Pair;
  hashes: ReadonlySet<number>;
  reading: Promise<CandidateReading>;
}

interface Prepared {
  readAhead: TmxReadAhead;
  startedAt: number;
  asked: Asked | null;
}

/** The same index serves every source language tag with the same primary language (as the scanner decides a segment's side). */
const primaryOf = (sourceLang: string): string => primaryLanguage(tmxLanguageTag(sourceLang));
const keyOf = (file: string, sourceLang: string): string => `${file}\u0000${primaryOf(sourceLang)}`;

const samePair = (a: Pair, b: Pair): boolean => a.sourceLang === b.sourceLang && a.targetLang === b.targetLang;

function covers(asked: ReadonlySet<number>, needed: ReadonlySet<number>): boolean {
  for (const h of needed) if (!asked.has(h)) return false;
  return true;
}

export function createPreparedTmxIndexes(start: (file: string, sourceLang: string) => TmxReadAhead, now = Date.now) {
  const held = new Map<string, Prepared>();

  function drop(key: string): void {
    const p = held.get(key);
    if (!p) return;
    held.delete(key);
    p.readAhead.dispose();
  }

  function dropStale(): void {
    for (const [key, p] of held) if (now() - p.startedAt > KEEP_MS) drop(key);
  }

  const ask = (readAhead: TmxReadAhead, pair: Pair, hashes: ReadonlySet<number>, at: string): Asked => ({
    pair,
    hashes,
    reading: readAhead.candidates(hashes, pair, at),
  });

  return {
    /** Starts reading `file` for documents in `sourceLang` (again, when it was started before). */
    prepare(file: string, sourceLang: string): void {
      dropStale();
      const key = keyOf(file, sourceLang);
      drop(key);
      while (held.size >= MAX_PREPARED) drop(held.keys().next().value!);
      const readAhead = start(file, sourceLang);
      held.set(key, { readAhead, startedAt: now(), asked: null });
      // Taken or not, no reading (nor its worker) outlives KEEP_MS.
      setTimeout(() => {
        if (held.get(key)?.readAhead === readAhead) held.delete(key);
        readAhead.dispose();
      }, KEEP_MS).unref();
    },
    /** A document in `pair` was parsed: readings of its source language not yet asked read its sources' candidates. */
    offer(pair: Pair, sources: readonly string[], at: string): void {
      dropStale();
      const primary = primaryOf(pair.sourceLang);
      let hashes: ReadonlySet<number> | null = null;
      for (const [key, p] of held) {
        if (p.asked || !key.endsWith(`\u0000${primary}`)) continue;
        hashes ??= sourceHashesOf(sources);
        p.asked = ask(p.readAhead, pair, hashes, at);
      }
    },
    /**
     * The candidates of `file` for a document in `pair` (taken: a second call reads again): the
     * prepared reading's, when what it was offered covers what is asked, else a new reading's.
     */
    take(file: string, pair: Pair, at: string): CandidatesOf {
      dropStale();
      const key = keyOf(file, pair.sourceLang);
      const prepared = held.get(key);
      held.delete(key);
      return (hashes) => {
        const asked = prepared?.asked;
        if (asked && samePair(asked.pair, pair) && covers(asked.hashes, hashes)) return asked.reading;
        if (prepared && !asked) return prepared.readAhead.candidates(hashes, pair, at);
        prepared?.readAhead.dispose();
        return start(file, pair.sourceLang).candidates(hashes, pair, at);
      };
    },
    /** Readings held (tests). */
    size(): number {
      dropStale();
      return held.size;
    },
  };
}

export type PreparedTmxIndexes = ReturnType<typeof createPreparedTmxIndexes>;

/** The readings of a library, in the import worker bundle `workerFile` (null: in process). */
export const tmxReadingsFor = (workerFile: string | null): PreparedTmxIndexes =>
  createPreparedTmxIndexes((file, sourceLang) => runTmxSourceIndex({ workerFile, heapMb: 256 }, file, sourceLang));
