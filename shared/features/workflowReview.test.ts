import { describe, expect, it } from 'vitest';
import { isFastSignOff, readingWords } from './workflowReview.js';

describe('fast sign-off', () => {
  it('is faster than 2 words per second of dwell', () => {
    expect(readingWords('La casa es roja, sí.', 'es')).toBe(5);
    expect(isFastSignOff(2499, 5)).toBe(true);
    expect(isFastSignOff(2500, 5)).toBe(false);
    expect(isFastSignOff(0, 0)).toBe(false);
    expect(readingWords('我喜欢猫。', 'zh-Hans')).toBe(4);
  });
});
