import { exactText } from '../../shared/memory/matchScore.js';

/** Terms of the TM index: a 52-bit hash of the language pair and the lower-cased token. */
export function termHash(pair: string, lowerToken: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  const s = `${pair}\u0001${lowerToken}`;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  // 32 + 20 bits: an exact integer for JavaScript and SQLite alike.
  return (h1 >>> 0) * 0x100000 + ((h2 >>> 0) & 0xfffff);
}

/**
 * The exact-match key of a unit's source (migration 0290, `tm_units.source_key`): a 52-bit hash of
 * the pair and the source's exact text (shared/memory/matchScore.ts `exactText`: codes and
 * whitespace left out). Two sources score 100 only when their match tokens are equal, and equal
 * tokens give equal keys; a lookup compares the tokens themselves (different sources may share a key).
 */
export function sourceKey(pair: string, source: string): number {
  return termHash(pair, `\u0003${exactText(source)}`);
}
