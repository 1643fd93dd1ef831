/**
 * The fast path of "pre-fill from a TMX file" (issue 17): the exact fills of some paragraphs from
 * a TMX file's index (tmxSourceIndex.ts) — only the candidate units (tmxCandidates.ts) are read
 * from the file and handed to the real reader (tmxReader.ts), whose units the fills take in file
 * order (exactFills.ts). Pure work on a file and an index, so it runs in the import
 * worker that built the index while the document is still being stored, and only the matches come
 * back. Throws TmxScanFallback when the index cannot answer (another language, a changed file) and
 * the reader's error for a broken unit: either way the caller reads the whole file with the real
 * reader, which then decides (and names the line and unit).
 */
import { ExactFills, type FillableParagraph, type TmxFillsResult } from './exactFills.js';
import { TmxScanFallback } from './tmxExactScan.js';
import { readCandidates } from './tmxCandidates.js';
import { TmxReader } from './tmxReader.js';
import type { TmxSourceIndex } from './tmxSourceIndex.js';

/** Fills, or why the index could not give them. */
export type FillsReading = TmxFillsResult | TmxScanFallback;

export function fillsFromIndex(
  file: string,
  index: TmxSourceIndex,
  pair: { sourceLang: string; targetLang: string },
  paragraphs: readonly FillableParagraph[],
  now: string,
): TmxFillsResult {
  const fills = new ExactFills(paragraphs, pair);
  let parsed = 0;
  const reader = new TmxReader(pair, now, (u) => {
    parsed++;
    fills.offer(u);
  });
  readCandidates(file, index, pair.sourceLang, fills.sourceHashes, (text) => reader.write(text));
  reader.end();
  return { matches: fills.matches(), tus: index.units, parsed, fast: true };
}

/** The same, never throwing: a failure is a reason (TmxScanFallback) to read the whole file. */
export function fillsReading(...args: Parameters<typeof fillsFromIndex>): FillsReading {
  try {
    return fillsFromIndex(...args);
  } catch (err) {
    return err instanceof TmxScanFallback ? err : new TmxScanFallback(`the fast path failed: ${String(err)}`);
  }
}
