import { describe, expect, it } from 'vitest';
import { closeToken, openToken, soloToken, tokenInfo, type InlineCode } from '../inline/inlineCodes.js';
import { hasVisibleText, hasWords, isInvisible } from './visibleText.js';

describe('visible text', () => {
  it('white space, no-break and zero-width spaces, joiners, soft hyphens, BOM and blank fillers show nothing', () => {
    for (const blank of [
      '',
      ' \t\n',
      '\u00a0',
      '\u200b',
      '\u200c\u200d',
      '\u2060',
      '\ufeff',
      '\u00ad',
      '\u3000',
      '\u2800',
      '\u3164',
      '\u202f',
      '\ufe0f',
    ]) {
      expect(isInvisible(blank), JSON.stringify(blank)).toBe(true);
      expect(hasVisibleText(blank)).toBe(false);
    }
    for (const shown of ['a', '·', '—', '🙂', '東', '٣', '.']) expect(hasVisibleText(` ${shown}\u200b`), shown).toBe(true);
  });

  it('chips alone show nothing, except inline code with text', () => {
    const codes: InlineCode[] = [{ type: 'bold' }, { type: 'break' }, { type: 'code', text: 'npm i' }, { type: 'code', text: ' \u200b' }];
    expect(hasVisibleText('\ue000 \ue100\ue201', codes)).toBe(false);
    expect(hasVisibleText('\ue203', codes)).toBe(false);
    expect(hasVisibleText('\ue202', codes)).toBe(true);
    expect(hasVisibleText('\ue000x\ue100', codes)).toBe(true);
  });

  it('words are letters or digits, in the text or in a code chip', () => {
    expect(hasWords('* * *')).toBe(false);
    expect(hasWords('423')).toBe(true);
    expect(hasWords('\ue202', [{ type: 'bold' }, { type: 'break' }, { type: 'code', text: 'npm i' }])).toBe(true);
  });
});

describe('hasVisibleText, code point by code point', () => {
  it('decides as removing every invisible character first would, on random mixes of tricky characters', () => {
    const invisible =
      // eslint-disable-next-line no-misleading-character-class -- visibleText.ts's class, each code point alone.
      /[\s\p{Z}\p{Cc}\p{Cf}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0\u{E0100}-\u{E01EF}]/gu;
    const before = (text: string, codes: readonly InlineCode[]): boolean => {
      for (const ch of text.replace(invisible, '')) {
        const token = tokenInfo(ch);
        if (token === null) return true;
        const code = codes[token.index];
        if (token.role === 'solo' && code?.type === 'code' && !isInvisible(code.text)) return true;
      }
      return false;
    };
    const alphabet = [
      ' ',
      '\u00a0',
      '\u200b',
      '\ufeff',
      '\u{E0100}',
      '\u{E01EF}',
      '\u3164',
      '\n',
      openToken(0),
      closeToken(0),
      soloToken(0),
      soloToken(1),
      'a',
      '\u{1F600}',
      '\u0301',
      '\ud800',
    ];
    const codes: InlineCode[] = [
      { type: 'bold', text: '' } as unknown as InlineCode,
      { type: 'code', text: 'x()' } as unknown as InlineCode,
    ];
    let seed = 7;
    const next = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff), (seed >>> 16) % n);
    let visible = 0;
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: next(6) }, () => alphabet[next(alphabet.length)]).join('');
      const got = hasVisibleText(text, codes);
      expect(got, JSON.stringify(text)).toBe(before(text, codes));
      if (got) visible++;
    }
    expect(visible).toBeGreaterThan(100);
    expect(visible).toBeLessThan(2900);
  });
});
