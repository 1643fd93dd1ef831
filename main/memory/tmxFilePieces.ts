/**
 * A TMX file read in pieces for the index of its source segments (tmxSourceIndex.ts), from a given
 * byte offset on: each piece is the bytes not consumed yet plus the next chunk, cut after its last
 * ASCII byte (no character is cut there) and checked to be valid UTF-8 — all of it at the end.
 */
import fs from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { TmxScanFallback } from './tmxExactScan.js';

/** Index of the last ASCII byte of `d` at or after `from`, or -1. */
function lastAscii(d: Uint8Array, from: number): number {
  for (let k = d.length - 1; k >= from; k--) if (d[k]! < 0x80) return k;
  return -1;
}

export class FilePieces {
  private work: Buffer;
  /** Bytes at the start of `work` not consumed yet. */
  private kept = 0;
  /** All the bytes read so far, `work.subarray(0, held)`. */
  private held = 0;
  /** File offset up to which the bytes are valid UTF-8. */
  private checked: number;
  /** File offset of `work[0]`. */
  base: number;

  constructor(
    private readonly fd: number,
    private readonly chunk: number,
    from: number,
  ) {
    this.work = Buffer.allocUnsafe(chunk * 2);
    this.base = from;
    this.checked = from;
  }

  /** The next piece (starting at `base`), and whether the file ended (the piece is then the rest of it). */
  next(): { piece: Buffer; last: boolean } {
    if (this.work.length < this.kept + this.chunk) {
      const bigger = Buffer.allocUnsafe(Math.max(this.work.length * 2, this.kept + this.chunk));
      this.work.copy(bigger, 0, 0, this.kept);
      this.work = bigger;
    }
    const n = fs.readSync(this.fd, this.work, this.kept, this.chunk, this.base + this.kept);
    const last = n === 0;
    const d = this.work.subarray(0, this.kept + n);
    this.held = d.length;
    const cut = last ? d.length : lastAscii(d, this.checked - this.base) + 1;
    if (cut > this.checked - this.base) {
      if (!isUtf8(d.subarray(this.checked - this.base, cut))) throw new TmxScanFallback('not UTF-8');
      this.checked = this.base + cut;
    }
    return { piece: d.subarray(0, this.checked - this.base), last };
  }

  /** The first `used` bytes of the last piece are done with: the next piece starts after them. */
  consume(used: number): void {
    this.work.copy(this.work, 0, used, this.held);
    this.base += used;
    this.kept = this.held - used;
    this.held = this.kept;
  }

  /** File offset after the last byte read. */
  get end(): number {
    return this.base + this.held;
  }
}
