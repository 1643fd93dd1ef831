/**
 * The text the real reader reads on the fast path of "pre-fill from a TMX file" (issue 17): the
 * file's prolog, the units the index (tmxSourceIndex.ts) says can match — a source segment with
 * the hash of a paragraph's exact text, or unsure — in file order, and the file's end. Each is read
 * from the file at its place and decoded (UTF-8, fatal). A file changed since it was indexed, or
 * an index of another source language, throws TmxScanFallback.
 */
import fs from 'node:fs';
import { primaryLanguage } from '../../shared/memory/pair.js';
import { tmxLanguageTag } from './tmx.js';
import { TmxScanFallback } from './tmxExactScan.js';
import type { TmxSourceIndex } from './tmxSourceIndex.js';

/** Bits of the quick filter before the set of hashes. */
const FILTER_BITS = 1 << 22;

/** Numbers of the units that can match `hashes`, in file order. */
export function candidateUnits(index: TmxSourceIndex, hashes: ReadonlySet<number>): Uint32Array {
  const filter = new Uint8Array(FILTER_BITS >>> 3);
  for (const h of hashes) filter[(h & (FILTER_BITS - 1)) >>> 3]! |= 1 << (h & 7);
  const marked = new Uint8Array(index.units);
  for (const u of index.unsure) marked[u] = 1;
  const { hashes: unitHashes, hashUnits } = index;
  for (let i = 0; i < unitHashes.length; i++) {
    const h = unitHashes[i]!;
    if (filter[(h & (FILTER_BITS - 1)) >>> 3]! & (1 << (h & 7)) && hashes.has(h)) marked[hashUnits[i]!] = 1;
  }
  let n = 0;
  for (let u = 0; u < marked.length; u++) n += marked[u]!;
  const out = new Uint32Array(n);
  for (let u = 0, k = 0; u < marked.length; u++) if (marked[u]) out[k++] = u;
  return out;
}

/** Writes the prolog, the candidate units and the end of `file` to `write`, as text. */
export function readCandidates(
  file: string,
  index: TmxSourceIndex,
  sourceLang: string,
  hashes: ReadonlySet<number>,
  write: (text: string) => void,
): void {
  if (primaryLanguage(tmxLanguageTag(sourceLang)) !== index.sourcePrimary) throw new TmxScanFallback('an index of another language');
  const fd = fs.openSync(file, 'r');
  try {
    const unchanged = (): void => {
      const stat = fs.fstatSync(fd);
      if (stat.size !== index.size || stat.mtimeMs !== index.mtimeMs) throw new TmxScanFallback('the file changed since it was indexed');
    };
    unchanged();
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let buffer = Buffer.allocUnsafe(64 * 1024);
    const read = (start: number, length: number): string => {
      if (buffer.length < length) buffer = Buffer.allocUnsafe(length);
      const n = fs.readSync(fd, buffer, 0, length, start);
      if (n !== length) throw new TmxScanFallback('the file changed since it was indexed');
      return decoder.decode(buffer.subarray(0, length));
    };
    write(read(0, index.prologEnd));
    for (const u of candidateUnits(index, hashes)) write(read(index.unitStart[u]!, index.unitLength[u]!));
    write(read(index.endStart, index.size - index.endStart));
    unchanged();
  } finally {
    fs.closeSync(fd);
  }
}
