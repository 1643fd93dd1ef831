import { describe, expect, it } from 'vitest';
import { hter, normalisedCharDistance, paragraphEffort, words } from './effort.js';

describe('character edit distance', () => {
  it('is normalised by the longer text and counts code points, not UTF-16 units', () => {
    expect(normalisedCharDistance('kitten', 'sitting')).toBeCloseTo(3 / 7);
    expect(normalisedCharDistance('', '')).toBe(0);
    expect(normalisedCharDistance('abc', '')).toBe(1);
    expect(normalisedCharDistance('a😀b', 'a😁b')).toBeCloseTo(1 / 3);
  });
});

describe('HTER', () => {
  it('counts word edits per word of the final text', () => {
    // One substitution (casa → vivienda), one insertion (muy): 2 edits, 6 words (with the full stop).
    expect(words('La vivienda es muy roja.', 'es')).toEqual(['La', 'vivienda', 'es', 'muy', 'roja', '.']);
    expect(hter('La casa es roja.', 'La vivienda es muy roja.', 'es')).toBeCloseTo(2 / 6);
    expect(hter('La casa es roja.', 'La casa es roja.', 'es')).toBe(0);
    expect(hter('La casa es roja.', '', 'es')).toBeNull();
    // More edits than words is possible (HTER is not capped at 1).
    expect(hter('a b c d', 'x', 'en')).toBe(4);
  });
  it('counts characters for Chinese', () => {
    expect(words('我喜欢猫。', 'zh-Hans')).toEqual(['我', '喜', '欢', '猫']);
    expect(hter('我喜欢猫。', '我喜欢狗。', 'zh-Hans')).toBeCloseTo(1 / 4);
  });
  it('sums up per paragraph', () => {
    expect(paragraphEffort('kitten', 'sitting', 'en')).toEqual({ charDistance: 3 / 7, hter: 1 });
  });
});
