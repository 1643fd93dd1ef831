import { describe, expect, it } from 'vitest';
import { tokenMatchScore } from '../../shared/memory/matchScore.js';
import { boundedScorer } from './boundedScore.js';

function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

describe('boundedScorer', () => {
  it('gives exactly tokenMatchScore when it reaches the minimum, and -1 otherwise', () => {
    const rand = seeded(7);
    const words = ['the', 'The', 'bank', 'Bank', 'rose', 'on', 'Monday', ',', '.', 'said', 'BANK'];
    const sentence = () => Array.from({ length: Math.floor(rand() * 14) }, () => words[Math.floor(rand() * words.length)]!);
    for (let k = 0; k < 3000; k++) {
      const q = sentence();
      const u = rand() < 0.5 ? sentence() : q.map((t) => (rand() < 0.2 ? words[Math.floor(rand() * words.length)]! : t));
      const exact = tokenMatchScore(q, u);
      for (const min of [0, 50, 75, exact, exact + 1, 100]) {
        expect(boundedScorer(q)(u, min)).toBe(exact >= min ? exact : -1);
      }
    }
  });

  it('counts a case-only difference as half an edit', () => {
    expect(boundedScorer(['The', 'bank', 'rose'])(['the', 'bank', 'rose'], 50)).toBe(83);
    expect(boundedScorer([])([], 50)).toBe(100);
  });
});
