/** What the fast path of "pre-fill from a TMX" knows of a segment, against the real reader (tmxReader.ts). */
import { describe, expect, it } from 'vitest';
import { exactText } from '../../shared/memory/matchScore.js';
import { segKey, textHash } from './tmxExactScan.js';
import { NOW, PAIR, TRICKY, tmx, tu } from '../testing/tmxSamples.js';
import { parseTmx } from './tmxReader.js';

describe('segKey', () => {
  it('gives the exact text of the real reader’s segment, or null (not sure) — never another text', () => {
    let sure = 0;
    for (const content of TRICKY) {
      const [unit] = parseTmx(tmx(tu(content, 'x')), PAIR, NOW).units;
      const key = segKey(content);
      if (key !== null) {
        sure++;
        expect(key, content).toBe(exactText(unit!.source));
      }
    }
    // Most are read by the scanner itself (the rest go to the real reader).
    expect(sure).toBeGreaterThanOrEqual(11);
    expect(segKey('Plain &unknown; entity')).toBeNull();
    expect(segKey('Bad &#0; reference')).toBeNull();
  });
});

describe('textHash', () => {
  it('hashes the whole exact text, not only its beginning (near matches differ in the middle)', () => {
    expect(textHash('a'.repeat(40) + 'b' + 'a'.repeat(40))).not.toBe(textHash('a'.repeat(81)));
    expect(textHash('Plaintext,nothingspecial.')).toBe(textHash(segKey('Plain text,  nothing\nspecial.')!));
  });
});
