/**
 * The units of a TMX file that can fill paragraphs of the given exact-text hashes, as the real
 * reader (tmxReader.ts) gives them, in file order: the index's candidates (tmxCandidates.ts) read
 * from the file and parsed. Pure work on a file and an index, so it can run in the import worker
 * that built the index while the document is still being stored (issue 17). Throws
 * TmxScanFallback when the index cannot answer (another language, a changed file, more candidates
 * than MAX_CANDIDATE_UNITS) and the reader's error for a broken unit: either way the caller reads
 * the whole file with the real reader, which then decides (and names the line and unit).
 */
import { TmxScanFallback } from './tmxExactScan.js';
import { readCandidates } from './tmxCandidates.js';
import { TmxReader } from './tmxReader.js';
import type { TmxSourceIndex } from './tmxSourceIndex.js';
import type { NewTmUnit } from './tmStore.js';

/** More candidates than this are read by the real reader from the file, unit by unit, not gathered. */
export const MAX_CANDIDATE_UNITS = 200_000;

export interface CandidateUnits {
  /** The candidates as the real reader gives them, in file order. */
  units: NewTmUnit[];
  /** <tu>s in the file. */
  tus: number;
}

/** A reading of the candidates: the units, or why the index could not give them. */
export type CandidateReading = CandidateUnits | TmxScanFallback;

export function readCandidateUnits(
  file: string,
  index: TmxSourceIndex,
  pair: { sourceLang: string; targetLang: string },
  hashes: ReadonlySet<number>,
  now: string,
): CandidateUnits {
  const units: NewTmUnit[] = [];
  const reader = new TmxReader(pair, now, (u) => {
    if (units.length === MAX_CANDIDATE_UNITS) throw new TmxScanFallback(`more than ${MAX_CANDIDATE_UNITS} candidate units`);
    units.push(u);
  });
  readCandidates(file, index, pair.sourceLang, hashes, (text) => reader.write(text));
  reader.end();
  return { units, tus: index.units };
}
