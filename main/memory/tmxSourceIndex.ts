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
 * then read by the real reader.
 */
import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { isSpace, SCAN_MAX_PROLOG_BYTES, SCAN_MAX_UNIT_BYTES, TmxScanFallback } from './tmxExactScan.js';
import { MARKUP_UNKNOWN, readUnit, SourceLanguage, type Piece, type UnitSink } from './tmxByteUnits.js';
import { primaryLanguage } from '../../shared/memory/pair.js';
import { tmxLanguageTag } from './tmx.js';

/** Plain data and typed arrays: posted from a worker, the arrays' buffers transferred. */
export interface TmxSourceIndex {
  /** The primary source language the index is of (`en`). */
  sourcePrimary: string;
  /** The file when it was indexed: another size or time means it changed. */
  size: number;
  mtimeMs: number;
  /** <tu>s in the file. */
  units: number;
  /** Byte offset of each unit's `<tu`, and its length (to after its `</tu>`). */
  unitStart: Float64Array;
  unitLength: Uint32Array;
  /** A source segment's `textHash`, and its unit's number (pairs, in file order). */
  hashes: Uint32Array;
  hashUnits: Uint32Array;
  /** Units always handed to the real reader. */
  unsure: Uint32Array;
  /** Bytes before the first unit, from the start (up to after `<body>`). */
  prologEnd: number;
  /** Bytes from `</body` to the end of the file. */
  endStart: number;
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
  state: 'prolog' | 'body' | 'end' = 'prolog';
  prologEnd = -1;
  endStart = -1;
  private readonly unitStart = new Growable((n) => new Float64Array(n));
  private readonly unitLength = ints();
  private readonly hashes = ints();
  private readonly hashUnits = ints();
  private readonly unsureUnits = ints();
  private readonly lang: SourceLanguage;
  private unit = 0;
  private unitUnsure = false;

  constructor(
    private readonly bom: number,
    sourceLang: string,
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

  index(sourcePrimary: string, stat: fs.Stats): TmxSourceIndex {
    if (this.state !== 'end') throw new TmxScanFallback(this.state === 'prolog' ? 'no <body>' : 'no </body>');
    return {
      sourcePrimary,
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      units: this.unit,
      unitStart: this.unitStart.done(),
      unitLength: this.unitLength.done(),
      hashes: this.hashes.done(),
      hashUnits: this.hashUnits.done(),
      unsure: this.unsureUnits.done(),
      prologEnd: this.prologEnd,
      endStart: this.endStart,
    };
  }
}

/** Index of the last ASCII byte of `d` at or after `from`, or -1. */
function lastAscii(d: Uint8Array, from: number): number {
  for (let k = d.length - 1; k >= from; k--) if (d[k]! < 0x80) return k;
  return -1;
}

export interface TmxSourceIndexOptions {
  /** Bytes read at a time (tests make it tiny). */
  chunkBytes?: number;
}

const CHUNK_BYTES = 4 * 1024 * 1024;

/** The index of `file`'s segments in `sourceLang`; throws TmxScanFallback when not sure of the file. */
export async function buildTmxSourceIndex(file: string, sourceLang: string, options: TmxSourceIndexOptions = {}): Promise<TmxSourceIndex> {
  const chunk = options.chunkBytes ?? CHUNK_BYTES;
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    const head = Buffer.alloc(3);
    const headBytes = fs.readSync(fd, head, 0, 3, 0);
    if (headBytes < 2 || (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))
      throw new TmxScanFallback('UTF-16 (or a file too short to tell)');
    const bom = headBytes === 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    const scan = new IndexScan(bom, sourceLang);
    let work = Buffer.allocUnsafe(chunk * 2);
    let kept = 0; // bytes at the start of `work` not consumed yet
    let base = 0; // file offset of work[0]
    let checked = 0; // file offset up to which the bytes are valid UTF-8
    for (;;) {
      if (work.length < kept + chunk) {
        const bigger = Buffer.allocUnsafe(Math.max(work.length * 2, kept + chunk));
        work.copy(bigger, 0, 0, kept);
        work = bigger;
      }
      const n = fs.readSync(fd, work, kept, chunk, base + kept);
      const last = n === 0;
      const d = work.subarray(0, kept + n);
      // Valid UTF-8 up to an ASCII byte (no character is cut there); all of it at the end.
      const cut = last ? d.length : lastAscii(d, checked - base) + 1;
      if (cut > checked - base) {
        if (!isUtf8(d.subarray(checked - base, cut))) throw new TmxScanFallback('not UTF-8');
        checked = base + cut;
      }
      const used = scan.piece(d.subarray(0, checked - base), base, last);
      if (last) break;
      work.copy(work, 0, used, d.length);
      base += used;
      kept = d.length - used;
      // In process (no worker), other requests go on between pieces.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const after = fs.fstatSync(fd);
    if (after.size !== stat.size || after.mtimeMs !== stat.mtimeMs || base + kept !== stat.size)
      throw new TmxScanFallback('the file changed while it was indexed');
    return scan.index(primaryLanguage(tmxLanguageTag(sourceLang)), stat);
  } finally {
    fs.closeSync(fd);
  }
}
