/**
 * The index of a big TMX file's source segments built by two threads (tmxSourceIndex.ts): one
 * scans the file from its start, the other its second half, from the first `<tu` after the
 * middle (`tailStart`: both find the same place). The scan from a unit's start depends only on
 * the bytes from there on, so when the head's scan reaches that very offset between units, the
 * tail's units are the ones it would have found: they are joined (`joinTail`). When the head's
 * scan passes that offset inside something else (the `<tu` was in a comment), or the tail failed
 * or was not sure, the head scans on alone: the index is always the one-thread scan's.
 */
import fs from 'node:fs';
import os from 'node:os';
import { isSpace } from './tmxExactScan.js';

/** Below this, one thread scans the whole file (a second would cost more than it saves). */
export const SPLIT_MIN_BYTES = 32 * 1024 * 1024;

/** Whether a file of `size` bytes is worth a second thread: big enough, and a second core to run it. */
export const halvesWorthIt = (size: number, minBytes = SPLIT_MIN_BYTES): boolean => size >= minBytes && os.availableParallelism() > 1;

/** How far after the middle the tail looks for a `<tu`. */
const LOOK_BYTES = 1024 * 1024;

/** The units found in part of a file (numbered from 0 in that part). */
export interface IndexedUnits {
  units: number;
  /** Byte offset of each unit's `<tu`, and its length (to after its `</tu>`). */
  unitStart: Float64Array;
  unitLength: Uint32Array;
  /** A source segment's `textHash`, and its unit's number (pairs, in file order). */
  hashes: Uint32Array;
  hashUnits: Uint32Array;
  /** Units always handed to the real reader. */
  unsure: Uint32Array;
}

/** The tail's part: its units, from `from` (the `<tu` it started at) to the end of the file. */
export interface TmxIndexTail extends IndexedUnits {
  sourcePrimary: string;
  from: number;
  /** Bytes from `</body` to the end of the file. */
  endStart: number;
  /** The file when it was scanned. */
  size: number;
  mtimeMs: number;
}

/** Where the tail starts: the first `<tu` (then a space or `>`) after the middle; null for a small file or none near it. */
export function tailStart(fd: number, size: number, minBytes = SPLIT_MIN_BYTES): number | null {
  if (size < minBytes || size < 2) return null;
  const middle = Math.floor(size / 2);
  const look = Buffer.allocUnsafe(Math.min(LOOK_BYTES, size - middle));
  const n = fs.readSync(fd, look, 0, look.length, middle);
  for (let at = look.indexOf('<tu'); at >= 0 && at + 3 < n; at = look.indexOf('<tu', at + 3)) {
    const after = look[at + 3]!;
    if (after === 62 || isSpace(after)) return middle + at;
  }
  return null;
}

function joined<A extends Uint32Array | Float64Array>(a: A, b: A, shift = 0): A {
  const out = new (a.constructor as new (n: number) => A)(a.length + b.length);
  out.set(a);
  if (shift === 0) out.set(b, a.length);
  else for (let k = 0; k < b.length; k++) out[a.length + k] = b[k]! + shift;
  return out;
}

/** The head's units (up to the tail's start) followed by the tail's, numbered on. */
export function joinTail(head: IndexedUnits, tail: IndexedUnits): IndexedUnits {
  return {
    units: head.units + tail.units,
    unitStart: joined(head.unitStart, tail.unitStart),
    unitLength: joined(head.unitLength, tail.unitLength),
    hashes: joined(head.hashes, tail.hashes),
    hashUnits: joined(head.hashUnits, tail.hashUnits, head.units),
    unsure: joined(head.unsure, tail.unsure, head.units),
  };
}
