/**
 * Reads the bytes of a text file: UTF-8 (with or without BOM), UTF-16 LE/BE (with a BOM, or
 * recognised by its zero bytes), else Windows-1252 (a superset of Latin-1). Bytes that look like
 * UTF-8 but are broken (bad sequences, encoded surrogates) are refused rather than guessed at.
 */
import { isUtf8 } from 'node:buffer';
import { ServiceError } from '../core/serviceError.js';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

function invalid(encoding: string, offset: number | null): ServiceError {
  const where = offset === null ? '' : ` (first bad byte at offset ${offset})`;
  return new ServiceError('IMPORT_ENCODING_INVALID', `The file is not valid ${encoding} text${where}.`, {
    encoding,
    offset: offset ?? -1,
  });
}

/** Offset of the first byte where `bytes` stop being valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  // The native check first (the usual answer); the scan below finds where a bad file goes wrong.
  if (isUtf8(bytes)) return -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f; // U+D800–U+DFFF (surrogates) are not characters
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < min || c > max : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Whether the high bytes of `bytes` are laid out like UTF-8 (a lead byte followed by the right
 * number of continuation bytes) somewhere: then the file meant to be UTF-8, and broken bytes in it
 * are an error, not Windows-1252. Windows-1252 prose ("café", "naïve") puts ASCII after an accent.
 */
function utf8Shaped(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const need = b >= 0xc0 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf7 ? 3 : 0;
    if (need === 0) continue;
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) ok = false;
    }
    if (ok) return true;
  }
  return false;
}

/** Likely byte order of BOM-less UTF-16, judged by where the zero bytes are; null when not UTF-16. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Byte offset of the first unpaired surrogate in UTF-16 `bytes`, or -1. */
function firstInvalidUtf16(bytes: Uint8Array, littleEndian: boolean): number {
  const unit = (i: number): number => (littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const u = unit(i);
    if (u >= 0xdc00 && u <= 0xdfff) return i;
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 3 < bytes.length ? unit(i + 2) : -1;
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    }
  }
  return -1;
}

function decodeFatal(bytes: Uint8Array, label: string, name: string, skipped = 0): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = label === 'utf-8' ? firstInvalidUtf8(bytes) : firstInvalidUtf16(bytes, label === 'utf-16le');
    throw invalid(name, at < 0 ? null : at + skipped);
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Index of the first unpaired surrogate in a JS string, or -1. */
export function loneSurrogateAt(text: string): number {
  const m = LONE_SURROGATE.exec(text);
  return m ? m.index : -1;
}

/** Refuses a (pasted) string holding unpaired surrogates: it cannot be stored or exported as UTF-8. */
export function assertWellFormed(text: string): void {
  const at = loneSurrogateAt(text);
  if (at >= 0) {
    throw new ServiceError('IMPORT_ENCODING_INVALID', `The text holds an unpaired surrogate at character ${at}.`, {
      encoding: 'UTF-16',
      offset: at,
    });
  }
}

/**
 * Windows-1252's characters for the bytes 0x80–0x9F (the rest is Latin-1); 0 = undefined. By hand,
 * because Node 20's TextDecoder('windows-1252') decodes these bytes as Latin-1 C1 controls.
 */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const chars: string[] = [];
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes: number[] = [];
    const end = Math.min(bytes.length, start + CHUNK);
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      if (b >= 0x80 && b <= 0x9f) {
        const c = CP1252_HIGH[b - 0x80]!;
        if (c === 0) throw invalid('Windows-1252', i);
        codes.push(c);
      } else codes.push(b);
    }
    chars.push(String.fromCharCode(...codes));
  }
  return chars.join('');
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeFatal(bytes.subarray(3), 'utf-8', 'UTF-8', 3), encoding: 'utf-8-bom' };
  }
  const bomLe = bytes[0] === 0xff && bytes[1] === 0xfe;
  const bomBe = bytes[0] === 0xfe && bytes[1] === 0xff;
  const utf16 = bomLe ? 'utf-16le' : bomBe ? 'utf-16be' : guessUtf16(bytes);
  if (utf16) {
    const body = bomLe || bomBe ? bytes.subarray(2) : bytes;
    const name = utf16 === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE';
    const skipped = bytes.length - body.length;
    if (body.length % 2 !== 0) throw invalid(name, bytes.length - 1);
    const text = decodeFatal(body, utf16, name, skipped);
    const at = firstInvalidUtf16(body, utf16 === 'utf-16le');
    if (at >= 0) throw invalid(name, at + skipped);
    return { text, encoding: utf16 };
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  if (utf8Shaped(bytes)) throw invalid('UTF-8', bad);
  // No UTF-8 in sight: Windows-1252 (its five undefined bytes are refused).
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}
