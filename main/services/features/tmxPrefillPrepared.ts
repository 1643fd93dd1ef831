/**
 * TMX files being read ahead for "pre-fill from a TMX file" (issue 17, `prepareTmxPrefill`): the
 * index of a file's source-language segments (main/memory/tmxSourceIndex.ts) is started in the
 * import worker before the document it is for is imported, and taken — once — by the
 * `prefillFromTmx` that follows. At most MAX_PREPARED readings are held (the oldest is dropped),
 * each for at most KEEP_MS; the fills check that the file has not changed since it was read.
 */
import { primaryLanguage } from '../../../shared/memory/pair.js';
import { TmxScanFallback } from '../../memory/tmxExactScan.js';
import type { TmxSourceIndex } from '../../memory/tmxSourceIndex.js';
import { tmxLanguageTag } from '../../memory/tmx.js';

export type IndexReading = Promise<TmxSourceIndex | TmxScanFallback>;

const MAX_PREPARED = 2;
const KEEP_MS = 10 * 60_000;

interface Prepared {
  reading: IndexReading;
  startedAt: number;
}

/** The same index serves every source language tag with the same primary language (as the scanner decides a segment's side). */
const keyOf = (file: string, sourceLang: string): string => `${file}\u0000${primaryLanguage(tmxLanguageTag(sourceLang))}`;

/** A reading that never rejects: a failed one is a reason to read the file with the real reader. */
function settled(reading: Promise<TmxSourceIndex | TmxScanFallback>): IndexReading {
  return reading.catch((err: unknown) => new TmxScanFallback(err instanceof Error ? err.message : String(err)));
}

export function createPreparedTmxIndexes(
  read: (file: string, sourceLang: string) => Promise<TmxSourceIndex | TmxScanFallback>,
  now = Date.now,
) {
  const held = new Map<string, Prepared>();

  function dropStale(): void {
    for (const [key, p] of held) if (now() - p.startedAt > KEEP_MS) held.delete(key);
  }

  return {
    /** Starts reading `file` for documents in `sourceLang` (again, when it was started before). */
    prepare(file: string, sourceLang: string): void {
      dropStale();
      const key = keyOf(file, sourceLang);
      held.delete(key);
      while (held.size >= MAX_PREPARED) held.delete(held.keys().next().value!);
      held.set(key, { reading: settled(read(file, sourceLang)), startedAt: now() });
    },
    /** The reading prepared for `file` and `sourceLang` (taken: a second call reads again), else a new one. */
    take(file: string, sourceLang: string): IndexReading {
      dropStale();
      const key = keyOf(file, sourceLang);
      const prepared = held.get(key);
      held.delete(key);
      return prepared?.reading ?? settled(read(file, sourceLang));
    },
    /** Readings held (tests). */
    size(): number {
      dropStale();
      return held.size;
    },
  };
}

export type PreparedTmxIndexes = ReturnType<typeof createPreparedTmxIndexes>;
