import { describe, expect, it } from 'vitest';
import { doubledTokenDistance, lengthBound, matchScore, matchTokens, tokenMatchScore } from './matchScore.js';

describe('matchTokens', () => {
  it('splits words and each punctuation character, dropping spaces', () => {
    expect(matchTokens('The minister said: "No."', 'en')).toEqual(['The', 'minister', 'said', ':', '"', 'No', '.', '"']);
  });
  it('splits Chinese and Japanese per character, keeps Latin words inside', () => {
    expect(matchTokens('北京今天下雨。', 'zh')).toEqual(['北', '京', '今', '天', '下', '雨', '。']);
    expect(matchTokens('東京で会議', 'ja')).toEqual(['東', '京', 'で', '会', '議']);
  });
  it('keeps Arabic and Hebrew words whole', () => {
    expect(matchTokens('قال الوزير إن', 'ar')).toEqual(['قال', 'الوزير', 'إن']);
    expect(matchTokens('השר אמר היום.', 'he')).toEqual(['השר', 'אמר', 'היום', '.']);
  });
});

describe('matchScore', () => {
  it('is 100 for identical texts and for spacing-only differences', () => {
    expect(matchScore('The minister resigned.', 'The minister resigned.', 'en')).toBe(100);
    expect(matchScore('The minister  resigned .', 'The minister resigned.', 'en')).toBe(100);
    expect(matchScore('', '', 'en')).toBe(100);
  });
  it('one word replaced out of 10 tokens: 90', () => {
    // 9 words + full stop = 10 tokens; one replacement → floor(100 × (1 − 1/10)) = 90
    expect(
      matchScore('The minister said on Tuesday that talks had failed.', 'The minister said on Monday that talks had failed.', 'en'),
    ).toBe(90);
  });
  it('one insertion: the longer side is the denominator', () => {
    // 5 vs 6 tokens, d = 1 → floor(100 × 5/6) = 83
    expect(matchScore('Prices rose in March.', 'Prices rose sharply in March.', 'en')).toBe(83);
  });
  it('a case-only difference costs half a token', () => {
    // 4 tokens, d = 0.5 → floor(100 × (1 − 0.125)) = 87
    expect(matchScore('The Minister resigned.', 'The minister resigned.', 'en')).toBe(87);
    expect(doubledTokenDistance(['A', 'b'], ['a', 'B'])).toBe(2);
  });
  it('scores unrelated texts 0 and never below', () => {
    expect(matchScore('Rain today.', 'Quarterly earnings beat expectations', 'en')).toBe(0);
  });
  it('CJK: per character', () => {
    // 7 vs 7 characters, one replaced → floor(100 × 6/7) = 85
    expect(matchScore('北京今天下雨。', '上京今天下雨。', 'zh')).toBe(85);
    // one character added: 7 vs 8 → floor(100 × 7/8) = 87
    expect(matchScore('北京今天下雨。', '北京今天下大雨。', 'zh')).toBe(87);
  });
  it('RTL: Arabic and Hebrew are scored per word in logical order', () => {
    // 4 vs 4 tokens, one word differs → 75
    expect(matchScore('قال الوزير اليوم .', 'قال الرئيس اليوم .', 'ar')).toBe(75);
    // Hebrew: 5 tokens vs 5, one differs → 80
    expect(matchScore('השר אמר היום שלום.', 'השר אמר אתמול שלום.', 'he')).toBe(80);
  });
  it('is symmetric', () => {
    const a = matchTokens('Police arrested two men on Friday.', 'en');
    const b = matchTokens('Police arrested three women late on Friday!', 'en');
    expect(tokenMatchScore(a, b)).toBe(tokenMatchScore(b, a));
  });
  it('length bound is an upper bound of the score', () => {
    const a = matchTokens('One two three four five six seven eight.', 'en');
    const b = matchTokens('One two three.', 'en');
    expect(tokenMatchScore(a, b)).toBeLessThanOrEqual(lengthBound(a.length, b.length));
    expect(lengthBound(10, 10)).toBe(100);
    expect(lengthBound(10, 5)).toBe(50);
  });
});
