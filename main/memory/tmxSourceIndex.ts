/**
 * The index of a TMX file's source-language segments (issue 17: "pre-fill from a TMX file"), built
 * from its bytes without knowing the paragraphs, so it can be built (in the import worker:
 * main/import/tmxSourceIndexRunner.ts) while the document is imported. Each <tu> is found with
 * `indexOf` and read by tmxByteUnits.ts; the index keeps its byte range, the `textHash` of each of
 * its source segments, and the units it is not sure of. tmxExactFills.ts then hands the real reader
 * only the units that can match, with the file's own prolog (XML declaration, DOCTYPE, root and
 * header) and end (`</body></tmx>`): what a unit gives, and every safety rule, is the real reader's.
 * Whatever the scan is not sure of — not UTF-8, a comment or CDATA before <body>, anything but
 * units and comments in the body, a unit too big — throws `TmxScanFallback`: the whole file is
 * then read by the real reader. A big file is scanned by two threads, its second half by the
 * other (`buildTmxSourceIndexTail`, tmxIndexSplit.ts): the index is the same.
 */
import fs from 'node:fs';
import { isSpace, SCAN_MAX_PROLOG_BYTES, SCAN_MAX_UNIT_BYTES, TmxScanFallback } from './tmxExactScan.js';
import { FilePieces } from './tmxFilePieces.js';
import { joinTail, tailStart, type IndexedUnits, type TmxIndexTail } from './tmxIndexSplit.js';
import { MARKUP_UNKNOWN, readUnit, SourceLanguage, type Piece, type UnitSink } from './tmxByteUnits.js';
import { primaryLanguage } from '../../shared/memory/pair.js';
import { tmxLanguageTag } from './tmx.js';

/** Plain data and typed arrays: posted from a worker, the arrays' buffers transferred. */
export interface TmxSourceIndex extends IndexedUnits {
  /** The primary source language the index is of (`en`). */
  sourcePrimary: string;
  /** The file when it was indexed: another size or time means it changed. */
  size: number;
  mtimeMs: number;
  /** Bytes before the first unit, from the start (up to after `<body>`). */
  prologEnd: number;
  /** Bytes from `</body` to the end of the file. */
  endStart: number;
  /** Built by two threads: the tail's units were joined (tmxIndexSplit.ts). */
  split: boolean;
}

/** A growable typed array (unit offsets are Float64: a file may pass 4 GB). */
class Growable<A extends Uint32Array | Float64Array> {
  private a: A;
  length = 0;
  constructor(private readonly make: (n: number) => A) {
    this.a = make(1 << 16);
  }
  push(v: number): void {
    if (this.length === this.a.length) {
      const b = this.make(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.length++] = v;
  }
  done(): A {
    return this.a.slice(0, this.length) as A;
  }
}

const ints = (): Growable<Uint32Array> => new Growable((n) => new Uint32Array(n));

const BODY = Buffer.from('<body');
const COMMENT = Buffer.from('<!--');
const CDATA_START = Buffer.from('<![');
const PI = Buffer.from('<?');

/** The scan of the file's bytes, piece by piece: `piece` consumes what it can and says where it stopped. */
class IndexScan implements UnitSink {
  prologEnd = -1;
  endStart = -1;
  /** The tail's start: the body's scan stops there when it reaches it between units (`atSplit`). */
  splitAt = Infinity;
  atSplit = false;
  private readonly unitStart = new Growable((n) => new Float64Array(n));
  private readonly unitLength = ints();
  private readonly hashes = ints();
  private readonly hashUnits = ints();
  private readonly unsureUnits = ints();
  private readonly lang: SourceLanguage;
  private unit = 0;
  private unitUnsure = false;

  /** `state`: 'body' for a tail, which starts at a unit. */
  constructor(
    private readonly bom: number,
    sourceLang: string,
    public state: 'prolog' | 'body' | 'end' = 'prolog',
  ) {
    this.lang = new SourceLanguage(sourceLang);
  }

  hash(value: number): void {
    this.hashes.push(value);
    this.hashUnits.push(this.unit);
  }

  unsure(): void {
    if (!this.unitUnsure) this.unsureUnits.push(this.unit);
    this.unitUnsure = true;
  }

  /** What a unit not read to its end yet gave is forgotten: it is read again with the next piece. */
  private undo(hashes: number, unsure: number): void {
    this.hashes.length = hashes;
    this.hashUnits.length = hashes;
    this.unsureUnits.length = unsure;
    this.unitUnsure = false;
  }

  /** `d` starts at file offset `base`; returns how many of its bytes are consumed. */
  piece(d: Buffer, base: number, last: boolean): number {
    let at = 0;
    if (this.state === 'prolog') at = this.prolog(d);
    if (this.state === 'body') at = this.body({ bytes: d, text: d.toString('latin1', at) }, at, base, last);
    if (this.state === 'end') {
      if (this.endStart < 0) this.endStart = base + at;
      if (base + d.length - this.endStart > SCAN_MAX_PROLOG_BYTES) throw new TmxScanFallback('too much after </body>');
      return d.length;
    }
    return at;
  }

  private prolog(d: Buffer): number {
    let body = d.indexOf(BODY);
    while (body >= 0 && body + 5 < d.length && !(d[body + 5] === 62 || d[body + 5] === 47 || isSpace(d[body + 5]!)))
      body = d.indexOf(BODY, body + 5);
    if (body < 0 || body + 5 >= d.length) {
      if (d.length > SCAN_MAX_PROLOG_BYTES) throw new TmxScanFallback('no <body> near the start');
      return 0;
    }
    const before = d.subarray(0, body);
    if (before.includes(COMMENT) || before.includes(CDATA_START) || before.lastIndexOf(PI) > this.bom)
      throw new TmxScanFallback('comment, CDATA or processing instruction before <body>');
    const gt = d.indexOf(62, body);
    if (gt < 0) return 0;
    if (d[gt - 1] === 47 || d.subarray(body, gt).includes(34) || d.subarray(body, gt).includes(39))
      throw new TmxScanFallback('an empty <body/> or one with attributes');
    this.prologEnd = gt + 1;
    this.state = 'body';
    return gt + 1;
  }

  /** `piece.text`: the bytes from `from` on. */
  private body(piece: Piece, from: number, base: number, last: boolean): number {
    const { text } = piece;
    const bytes = piece.bytes.subarray(from);
    const p: Piece = { bytes, text };
    const markup = { at: MARKUP_UNKNOWN };
    let at = 0;
    for (;;) {
      while (at < bytes.length && isSpace(bytes[at]!)) at++;
      if (at < bytes.length && base + from + at >= this.splitAt) {
        if (base + from + at === this.splitAt) {
          this.atSplit = true;
          break;
        }
        this.splitAt = Infinity; // passed inside something else: the tail started in the wrong place
      }
      if (text.length - at < 12 && !last) break; // not enough to tell what comes
      const after = bytes[at + 3] ?? 0;
      if (bytes[at] === 60 && bytes[at + 1] === 116 && bytes[at + 2] === 117 && (after === 62 || isSpace(after))) {
        const hashes = this.hashes.length;
        const unsure = this.unsureUnits.length;
        const end = readUnit(p, at, this.lang, this, markup);
        if (end < 0) {
          this.undo(hashes, unsure);
          if (text.length - at > SCAN_MAX_UNIT_BYTES) throw new TmxScanFallback('a unit too big to hold');
          break;
        }
        this.unitStart.push(base + from + at);
        this.unitLength.push(end - at);
        this.unit++;
        this.unitUnsure = false;
        at = end;
      } else if (text.startsWith('<!--', at)) {
        const end = text.indexOf('-->', at + 4);
        if (end < 0) {
          if (text.length - at > SCAN_MAX_UNIT_BYTES) throw new TmxScanFallback('a comment too big to hold');
          break;
        }
        at = end + 3;
      } else if (text.startsWith('</body', at)) {
        this.state = 'end';
        break;
      } else if (text.length - at < 12) break;
      else throw new TmxScanFallback('something other than units in <body>');
    }
    return from + at;
  }

  /** The units found so far. */
  found(): IndexedUnits {
    return {
      units: this.unit,
      unitStart: this.unitStart.done(),
      unitLength: this.unitLength.done(),
      hashes: this.hashes.done(),
      hashUnits: this.hashUnits.done(),
      unsure: this.unsureUnits.done(),
    };
  }

  /** Past the split without the tail's units: the scan goes on to the end. */
  passSplit(): void {
    this.splitAt = Infinity;
    this.atSplit = false;
  }

  ended(): void {
    if (this.state !== 'end') throw new TmxScanFallback(this.state === 'prolog' ? 'no <body>' : 'no </body>');
  }
}

export interface TmxSourceIndexOptions {
  /** Bytes read at a time (tests make it tiny). */
  chunkBytes?: number;
  /** The tail's units, scanned by another thread (null: it failed); the head stops at its start. */
  tail?: Promise<TmxIndexTail | null>;
  /** The smallest file split (tests make it tiny). */
  splitMinBytes?: number;
}

/**
 * Each piece is also a latin1 string: under Node's 1 MB limit it is made in the worker's heap, so
 * the pieces scanned are collected as they go; 1 MB or more, it is an external string, which V8
 * collects only after tens of MB of them (measured: peak RSS 300 MB with 512 KB pieces, 390 MB
 * with 4 MB ones, for a 226 MB file scanned by two workers).
 */
const CHUNK_BYTES = 512 * 1024;

/** The file, open, with its size and time, and its byte-order mark's length (a UTF-16 file falls back). */
function openTmx(file: string): { fd: number; stat: fs.Stats; bom: number } {
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    const head = Buffer.alloc(3);
    const headBytes = fs.readSync(fd, head, 0, 3, 0);
    if (headBytes < 2 || (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
      throw new TmxScanFallback('UTF-16 (or a file too short to tell)');
    return { fd, stat, bom: headBytes === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0 };
  } catch (err) {
    fs.closeSync(fd);
    throw err;
  }
}

/** The file as it was when its scan started, and read to its end (else it changed meanwhile). */
function unchanged(fd: number, stat: fs.Stats, end: number): void {
  const after = fs.fstatSync(fd);
  if (after.size !== stat.size || after.mtimeMs !== stat.mtimeMs || end !== stat.size)
    throw new TmxScanFallback('the file changed while it was indexed');
}

/** Whether the tail is the rest of this very file from where the head stopped. */
const fits = (tail: TmxIndexTail | null, at: number, stat: fs.Stats): tail is TmxIndexTail =>
  tail !== null && tail.from === at && tail.size === stat.size && tail.mtimeMs === stat.mtimeMs;

/**
 * Scans the pieces to the end, or to the tail's start when the tail fits: then its units (the
 * head's are the scan's). Between pieces, other work goes on (the tail's message, in a worker;
 * other requests, in process).
 */
async function scanPieces(
  scan: IndexScan,
  pieces: FilePieces,
  stat: fs.Stats,
  tail?: Promise<TmxIndexTail | null>,
): Promise<TmxIndexTail | null> {
  for (;;) {
    const { piece, last } = pieces.next();
    const used = scan.piece(piece, pieces.base, last);
    if (scan.atSplit) {
      const got = await tail!;
      if (fits(got, pieces.base + used, stat)) return got;
      scan.passSplit();
    } else if (last) return null;
    pieces.consume(used);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The index of `file`'s segments in `sourceLang`; throws TmxScanFallback when not sure of the file. */
export async function buildTmxSourceIndex(file: string, sourceLang: string, options: TmxSourceIndexOptions = {}): Promise<TmxSourceIndex> {
  const { fd, stat, bom } = openTmx(file);
  try {
    const scan = new IndexScan(bom, sourceLang);
    if (options.tail) scan.splitAt = tailStart(fd, stat.size, options.splitMinBytes) ?? Infinity;
    const pieces = new FilePieces(fd, options.chunkBytes ?? CHUNK_BYTES, 0);
    const tail = await scanPieces(scan, pieces, stat, options.tail);
    if (tail === null) scan.ended();
    unchanged(fd, stat, tail === null ? pieces.end : stat.size);
    const sourcePrimary = primaryLanguage(tmxLanguageTag(sourceLang));
    const units = tail === null ? scan.found() : joinTail(scan.found(), tail);
    const endStart = tail === null ? scan.endStart : tail.endStart;
    return { sourcePrimary, size: stat.size, mtimeMs: stat.mtimeMs, ...units, prologEnd: scan.prologEnd, endStart, split: tail !== null };
  } finally {
    fs.closeSync(fd);
  }
}

/** The units of `file`'s second half (`tailStart` on), for `buildTmxSourceIndex` in another thread; throws TmxScanFallback. */
export async function buildTmxSourceIndexTail(
  file: string,
  sourceLang: string,
  options: TmxSourceIndexOptions = {},
): Promise<TmxIndexTail> {
  const { fd, stat } = openTmx(file);
  try {
    const from = tailStart(fd, stat.size, options.splitMinBytes);
    if (from === null) throw new TmxScanFallback('no tail to scan');
    const scan = new IndexScan(0, sourceLang, 'body');
    const pieces = new FilePieces(fd, options.chunkBytes ?? CHUNK_BYTES, from);
    await scanPieces(scan, pieces, stat);
    scan.ended();
    unchanged(fd, stat, pieces.end);
    const sourcePrimary = primaryLanguage(tmxLanguageTag(sourceLang));
    return { sourcePrimary, from, endStart: scan.endStart, size: stat.size, mtimeMs: stat.mtimeMs, ...scan.found() };
  } finally {
    fs.closeSync(fd);
  }
}
