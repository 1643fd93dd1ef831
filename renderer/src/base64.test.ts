import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from './base64.js';

describe('bytesToBase64', () => {
  it('matches the RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) expect(bytesToBase64(new TextEncoder().encode(plain))).toBe(encoded);
  });

  it('encodes every byte value like Node does', () => {
    const bytes = new Uint8Array(256 * 3 + 1).map((_, i) => (i * 7) % 256);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
