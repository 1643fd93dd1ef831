/**
 * TMX files being read ahead for "pre-fill from a TMX file" (issue 17, `prepareTmxPrefill`): the
 * index of a file's source-language segments is started in the import worker before the document
 * it is for is imported (main/import/tmxSourceIndexRunner.ts); as soon as a document in that
 * language is parsed, its paragraphs are `offer`ed and the worker reads their fills while the
 * document is stored; the `prefillFromTmx` that follows `take`s them — once — for the paragraphs
 * of the same texts and codes (a fill depends on nothing else). At most MAX_PREPARED readings are
 * held (the oldest is dropped and stopped), each for at most KEEP_MS; the fills are read only if
 * the file has not changed since it was indexed.
 */
import type { TmUnit } from '../../../shared/features/memoryApi.js';
import type { InlineCode } from '../../../shared/inline/inlineCodes.js';
import { primaryLanguage } from '../../../shared/memory/pair.js';
import type { FillableParagraph } from '../../memory/exactFills.js';
import type { FastFills } from '../../memory/tmxExactFills.js';
import type { FillsReading } from '../../memory/tmxIndexFills.js';
import { TmxScanFallback } from '../../memory/tmxExactScan.js';
import { tmxLanguageTag } from '../../memory/tmx.js';
import { runTmxSourceIndex, type TmxReadAhead } from '../../import/tmxSourceIndexRunner.js';
import { IMPORT_LIMITS } from '../../import/limits.js';

const MAX_PREPARED = 2;
const KEEP_MS = 10 * 60_000;

interface Pair {
  sourceLang: string;
  targetLang: string;
}

interface Asked {
  pair: Pair;
  /** The offered paragraphs' ids (their numbers) by text and codes. */
  ids: ReadonlyMap<string, string>;
  reading: Promise<FillsReading>;
}

/** A paragraph's fill depends on its text and codes only (exactFills.ts). */
const textKey = (p: { source: string; codes: readonly unknown[] }): string => `${JSON.stringify(p.codes)}\u0000${p.source}`;

interface Prepared {
  readAhead: TmxReadAhead;
  startedAt: number;
  asked: Asked | null;
}

/** The same index serves every source language tag with the same primary language (as the scanner decides a segment's side). */
const primaryOf = (sourceLang: string): string => primaryLanguage(tmxLanguageTag(sourceLang));
const keyOf = (file: string, sourceLang: string): string => `${file}\u0000${primaryOf(sourceLang)}`;

const samePair = (a: Pair, b: Pair): boolean => a.sourceLang === b.sourceLang && a.targetLang === b.targetLang;

/** The offered reading's fills as `paragraphs`' own, when it was offered every one of their texts; else null. */
function asOffered(asked: Asked, paragraphs: readonly FillableParagraph[]): Promise<FillsReading> | null {
  const ids: (string | undefined)[] = paragraphs.map((p) => asked.ids.get(textKey(p)));
  if (ids.includes(undefined)) return null;
  return asked.reading.then((got) => {
    if (got instanceof TmxScanFallback) return got;
    const matches = new Map<string, TmUnit>();
    paragraphs.forEach((p, i) => {
      const unit = got.matches.get(ids[i]!);
      if (unit) matches.set(p.id, unit);
    });
    return { ...got, matches };
  });
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

  function ask(
    readAhead: TmxReadAhead,
    pair: Pair,
    offered: readonly { source: string; codes: readonly InlineCode[] }[],
    at: string,
  ): Asked {
    const ids = new Map<string, string>();
    const paragraphs: FillableParagraph[] = [];
    for (const p of offered) {
      const key = textKey(p);
      if (ids.has(key)) continue;
      ids.set(key, String(paragraphs.length));
      paragraphs.push({ id: String(paragraphs.length), source: p.source, codes: p.codes });
    }
    return { pair, ids, reading: readAhead.fills(paragraphs, pair, at) };
  }

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
    /** A document in `pair` was parsed: readings of its source language not yet asked read its paragraphs' fills. */
    offer(pair: Pair, paragraphs: readonly { source: string; codes: readonly InlineCode[] }[], at: string): void {
      dropStale();
      const primary = primaryOf(pair.sourceLang);
      for (const [key, p] of held) if (!p.asked && key.endsWith(`\u0000${primary}`)) p.asked = ask(p.readAhead, pair, paragraphs, at);
    },
    /**
     * The fills from `file` for a document in `pair` (taken: a second call reads again): the
     * prepared reading's, when it was offered every text asked for, else a new reading's.
     */
    take(file: string, pair: Pair, at: string): FastFills {
      dropStale();
      const key = keyOf(file, pair.sourceLang);
      const prepared = held.get(key);
      held.delete(key);
      return (paragraphs) => {
        const asked = prepared?.asked;
        const offered = asked && samePair(asked.pair, pair) ? asOffered(asked, paragraphs) : null;
        if (offered) return offered;
        if (prepared && !asked) return prepared.readAhead.fills(paragraphs, pair, at);
        prepared?.readAhead.dispose();
        return start(file, pair.sourceLang).fills(paragraphs, pair, at);
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
  createPreparedTmxIndexes((file, sourceLang) =>
    runTmxSourceIndex({ workerFile, heapMb: IMPORT_LIMITS.tmxWorkerHeapMb }, file, sourceLang),
  );
