import { describe, expect, it } from 'vitest';
import { assembleSentences, placeSentence } from './sentenceInsert.js';
import { splitSentences } from '../text/sentences.js';

describe('placing a sentence match', () => {
  it('replaces the target sentence of the same index when the counts agree', () => {
    expect(placeSentence('Uno viejo.  Dos viejo.', 'Dos nuevo.', 1, 2, 'es')).toBe('Uno viejo.  Dos nuevo.');
    expect(placeSentence('Uno viejo. Dos viejo.', 'Uno nuevo.', 0, 2, 'es')).toBe('Uno nuevo. Dos viejo.');
  });

  it('appends otherwise: an empty target gets the sentence, a shorter one gets it after a space', () => {
    expect(placeSentence('', 'Uno.', 0, 2, 'es')).toBe('Uno.');
    expect(placeSentence('Uno. ', 'Dos.', 1, 2, 'es')).toBe('Uno. Dos.');
    expect(placeSentence('Todo en una frase.', 'Tres.', 2, 3, 'es')).toBe('Todo en una frase. Tres.');
  });

  it('appends without a space in Chinese and Japanese', () => {
    expect(placeSentence('今天很好。', '明天也好。', 1, 3, 'zh-CN')).toBe('今天很好。明天也好。');
  });
});

describe('assembling sentence matches', () => {
  it('replaces matched sentences, keeps the source of the others and what lies between', () => {
    const source = 'First one.\nSecond one.  Third one.';
    const spans = splitSentences(source, 'en');
    expect(assembleSentences(source, spans, ['Primera.', null, 'Tercera.'])).toBe('Primera.\nSecond one.  Tercera.');
  });
});
