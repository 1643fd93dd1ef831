import { describe, expect, it } from 'vitest';
import { fastCandidates } from './fastCandidates.js';

describe('fastCandidates', () => {
  const eight = { id: 'a', number: 1, target: 'Ocho palabras en esta frase para leer bien.' };
  const cjk = { id: 'b', number: 2, target: '東京都は今日発表した' };

  it('picks paragraphs whose dwell time is under 2 words per second of their words', () => {
    // 8 words need 4 s; CJK counts characters (10 → 5 s).
    expect(fastCandidates([eight], [{ paragraphId: 'a', dwellMs: 3999, diffViewed: false }], 'es')).toEqual([eight]);
    expect(fastCandidates([eight], [{ paragraphId: 'a', dwellMs: 4000, diffViewed: true }], 'es')).toEqual([]);
    expect(fastCandidates([cjk], [{ paragraphId: 'b', dwellMs: 4500, diffViewed: false }], 'ja')).toEqual([cjk]);
  });

  it('treats a paragraph without a signal as never read', () => {
    expect(fastCandidates([eight, cjk], [], 'es').map((c) => c.number)).toEqual([1, 2]);
  });
});
