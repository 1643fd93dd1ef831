import { describe, expect, it } from 'vitest';
import { segments, wordSegmenter, words } from './words.js';

describe('the word tokenizer', () => {
  it('splits by the language’s word boundaries, punctuation and spaces left out of words', () => {
    expect(words('The dam held, didn’t it?', 'en')).toEqual(['the', 'dam', 'held', 'didn’t', 'it']);
  });

  it('splits Chinese into words without spaces', () => {
    expect(words('今天的天气很好', 'zh').length).toBeGreaterThan(2);
    expect(words('今天的天气很好', 'zh').join('')).toBe('今天的天气很好');
  });

  it('keeps every segment for diffs, so they join back into the text', () => {
    const text = 'Rain, then sun.';
    expect(segments(text, 'en').join('')).toBe(text);
  });

  it('makes one segmenter per language, and falls back for a tag Intl cannot use', () => {
    expect(wordSegmenter('en')).toBe(wordSegmenter('en'));
    expect(words('a b', 'xx-invalid-tag-!!')).toEqual(['a', 'b']);
  });
});
