/**
 * Pre-fill from a TMX file without storing it (issue 17; docs/translation-memory.md): the file is
 * read once and each paragraph gets the unit `verso tm import` + `--prefill` would give it — the
 * rules of exactFills.ts. Reading: the index of the file's source segments (tmxSourceIndex.ts,
 * built beforehand in a worker or here) tells which units can match; only those are read from the
 * file and handed to the real reader (tmxIndexFills.ts, in that worker or here). When the index
 * gave up, the file changed since, or it is broken, the whole file is read by the real reader
 * alone, whose result (or error, with its line and unit) is then the answer.
 */
import fs from 'node:fs';
import { ExactFills, type FillableParagraph, type TmxFillsResult } from './exactFills.js';
import { TmxScanFallback } from './tmxExactScan.js';
import { TmxReader } from './tmxReader.js';
import { fillsReading, type FillsReading } from './tmxIndexFills.js';
import { buildTmxSourceIndex, type TmxSourceIndex } from './tmxSourceIndex.js';

export type { FillableParagraph, TmxFillsResult } from './exactFills.js';

interface Pair {
  sourceLang: string;
  targetLang: string;
}

/** Bytes read at a time. */
const CHUNK_BYTES = 64 * 1024;
const CHUNKS_PER_TURN = 16;
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

/** The fills of `paragraphs` from the file's index (`index`, else built here). */
async function fillsHere(
  file: string,
  pair: Pair,
  now: string,
  paragraphs: readonly FillableParagraph[],
  index?: Promise<TmxSourceIndex | TmxScanFallback>,
): Promise<FillsReading> {
  try {
    const ready = await (index ?? buildTmxSourceIndex(file, pair.sourceLang));
    return ready instanceof TmxScanFallback ? ready : fillsReading(file, ready, pair, paragraphs, now);
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

/** Gives the fills of paragraphs from a file's index (main/import/tmxSourceIndexRunner.ts: in the worker that built it). */
export type FastFills = (paragraphs: readonly FillableParagraph[]) => Promise<FillsReading>;

/**
 * The exact matches a TMX file gives `paragraphs` (the document's pair `pair`). Reads the file once
 * (twice when the fast scan gives up or the file is broken); throws the real reader's error
 * (TMX_INVALID, TMX_DOCTYPE) for a broken file. `fills`: the fast path's fills, read from an index
 * being built since before the paragraphs were known (tmxSourceIndexRunner.ts); else they are read
 * here, from `index` or an index built here. `fast: false` reads with the real reader only (tests).
 */
export async function tmxExactFills(
  file: string,
  paragraphs: readonly FillableParagraph[],
  pair: Pair,
  now: string,
  options: { fast?: boolean; fills?: FastFills; index?: Promise<TmxSourceIndex | TmxScanFallback> } = {},
): Promise<TmxFillsResult> {
  if (options.fast !== false) {
    try {
      const fast = options.fills ?? ((ps) => fillsHere(file, pair, now, ps, options.index));
      const got = await fast(paragraphs);
      if (!(got instanceof TmxScanFallback)) return got;
    } catch {
      // Broken: the real reader alone decides (and names the line and unit).
    }
  }
  return readAll(file, new ExactFills(paragraphs, pair), pair, now);
}
