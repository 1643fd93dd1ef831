import { describe, expect, it } from 'vitest';
import { editDistance, EXACT_DISTANCE_MAX_CELLS, levenshtein } from './editDistance.js';

describe('Levenshtein', () => {
  it('is the edit distance on known pairs', () => {
    expect(levenshtein([...'kitten'], [...'sitting'])).toBe(3);
    expect(levenshtein([...'flaw'], [...'lawn'])).toBe(2);
    expect(levenshtein([], [...'abc'])).toBe(3);
    expect(levenshtein([...'abc'], [])).toBe(3);
    expect(levenshtein([...'same'], [...'same'])).toBe(0);
  });
  it('takes the costs it is given: indel 2, a substitution priced by the pair', () => {
    const vowelSwapIsCheap = (x: string, y: string): number => (x === y ? 0 : /[aeiou]/.test(x) && /[aeiou]/.test(y) ? 1 : 2);
    expect(levenshtein([...'cat'], [...'cot'], vowelSwapIsCheap, 2)).toBe(1);
    expect(levenshtein([...'cat'], [...'cut'], vowelSwapIsCheap, 2)).toBe(1);
    expect(levenshtein([...'cat'], [...'car'], vowelSwapIsCheap, 2)).toBe(2);
    expect(levenshtein([...'cat'], [...'cats'], vowelSwapIsCheap, 2)).toBe(2);
    expect(levenshtein([], [...'ab'], vowelSwapIsCheap, 2)).toBe(4);
  });
  it('is symmetric and never more than the longer length on random pairs', () => {
    let seed = 7;
    const rnd = (k: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % k;
    for (let t = 0; t < 200; t++) {
      const a = Array.from({ length: rnd(12) }, () => 'abc'[rnd(3)]!);
      const b = Array.from({ length: rnd(12) }, () => 'abc'[rnd(3)]!);
      expect(levenshtein(a, b)).toBe(levenshtein(b, a));
      expect(levenshtein(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      expect(levenshtein(a, b)).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
    }
  });
});

describe('long paragraphs', () => {
  it('uses a linear-ish diff beyond the exact limit and still counts simple edits exactly', () => {
    const base = [...'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(200)];
    expect(base.length ** 2).toBeGreaterThan(EXACT_DISTANCE_MAX_CELLS);
    const edited = [...base];
    edited[10] = 'X';
    edited[5000] = 'Y';
    edited.splice(8000, 0, 'Z', 'Z');
    expect(editDistance(base, edited)).toBe(4);
    // Below the limit it is the exact Levenshtein distance.
    expect(editDistance([...'kitten'], [...'sitting'])).toBe(3);
  });
});
