import { describe, expect, it } from 'vitest';
import { diffTexts, tokenize } from './textDiff.js';

const rebuild = (parts: ReturnType<typeof diffTexts>, side: 'before' | 'after') =>
  parts
    .filter((p) => p.kind === 'same' || p.kind === (side === 'before' ? 'removed' : 'added'))
    .map((p) => p.text)
    .join('');

describe('diffTexts', () => {
  it('marks whole words that changed', () => {
    const parts = diffTexts('El perro es pequeño.', 'El perro es diminuto.', 'es');
    expect(parts).toEqual([
      { kind: 'same', text: 'El perro es ' },
      { kind: 'removed', text: 'pequeño' },
      { kind: 'added', text: 'diminuto' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('splits Arabic and Cyrillic into words and keeps the text exact (RTL is logical order)', () => {
    const before = 'ذهب الولد إلى المدرسة';
    const after = 'ذهب الطفل إلى المدرسة';
    const parts = diffTexts(before, after, 'ar');
    expect(parts.filter((p) => p.kind !== 'same').map((p) => p.text)).toEqual(['الولد', 'الطفل']);
    expect(rebuild(parts, 'before')).toBe(before);
    expect(rebuild(parts, 'after')).toBe(after);
    expect(tokenize('Привет, мир', 'ru')).toEqual(['Привет', ',', ' ', 'мир']);
  });

  it('compares Chinese and Japanese per character', () => {
    const parts = diffTexts('我喜欢猫。', '我喜欢狗。', 'zh-Hans');
    expect(parts).toEqual([
      { kind: 'same', text: '我喜欢' },
      { kind: 'removed', text: '猫' },
      { kind: 'added', text: '狗' },
      { kind: 'same', text: '。' },
    ]);
    expect(tokenize('日本語', 'ja')).toEqual(['日', '本', '語']);
  });

  it('handles empty sides', () => {
    expect(diffTexts('', 'Hola', 'es')).toEqual([{ kind: 'added', text: 'Hola' }]);
    expect(diffTexts('Hola', '', 'es')).toEqual([{ kind: 'removed', text: 'Hola' }]);
    expect(diffTexts('', '', 'es')).toEqual([]);
  });
});
