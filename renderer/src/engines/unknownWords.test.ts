import { describe, expect, it } from 'vitest';
import { splitUnknownWords } from './unknownWords.js';

describe('splitUnknownWords', () => {
  it('finds whole words only, longest first, in any script', () => {
    expect(splitUnknownWords('Alibaba and Alibabas met Xi Jinping in Überlingen.', ['Xi', 'Alibaba', 'Xi Jinping', 'Überlingen'])).toEqual([
      { text: 'Alibaba', unknown: true },
      { text: ' and Alibabas met ', unknown: false },
      { text: 'Xi Jinping', unknown: true },
      { text: ' in ', unknown: false },
      { text: 'Überlingen', unknown: true },
      { text: '.', unknown: false },
    ]);
  });

  it('leaves the text alone without unknown words, and escapes regular-expression characters', () => {
    expect(splitUnknownWords('a+b (c)', [])).toEqual([{ text: 'a+b (c)', unknown: false }]);
    expect(splitUnknownWords('a+b c', ['a+b'])).toEqual([
      { text: 'a+b', unknown: true },
      { text: ' c', unknown: false },
    ]);
  });
});
