/** Recognises common binary files by their first bytes ("magic numbers"), whatever their extension. */

export const BINARY_KINDS = [
  'png',
  'jpeg',
  'gif',
  'webp',
  'pdf',
  'elf',
  'macho',
  'wasm',
  'zip',
  'gzip',
  '7z',
  'rar',
  'ole2',
  'sqlite',
  'rtf',
  'exe',
] as const;
export type BinaryKind = (typeof BINARY_KINDS)[number];

interface Signature {
  /** What the file is: an id the renderer translates (`importing.fileKind.<id>`). */
  kind: BinaryKind;
  bytes: readonly number[];
  offset?: number;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const SIGNATURES: readonly Signature[] = [
  { kind: 'png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'gif', bytes: ascii('GIF8') },
  { kind: 'webp', bytes: ascii('WEBP'), offset: 8 },
  { kind: 'pdf', bytes: ascii('%PDF-') },
  { kind: 'elf', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'macho', bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { kind: 'macho', bytes: [0xfe, 0xed, 0xfa, 0xcf] },
  { kind: 'wasm', bytes: [0x00, 0x61, 0x73, 0x6d] },
  { kind: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'zip', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'gzip', bytes: [0x1f, 0x8b] },
  { kind: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { kind: 'rar', bytes: ascii('Rar!') },
  { kind: 'ole2', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'sqlite', bytes: ascii('SQLite format 3\0') },
  { kind: 'rtf', bytes: ascii('{\\rtf') },
];

/** The kind of binary file `bytes` start like, or null. */
export function sniffBinary(bytes: Uint8Array): BinaryKind | null {
  for (const sig of SIGNATURES) {
    const at = sig.offset ?? 0;
    if (bytes.length < at + sig.bytes.length) continue;
    if (sig.bytes.every((b, i) => bytes[at + i] === b)) return sig.kind;
  }
  // A Windows executable starts with "MZ"; text may too, so also ask for a NUL early on.
  if (bytes[0] === 0x4d && bytes[1] === 0x5a && bytes.subarray(0, 512).includes(0)) return 'exe';
  return null;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
}
