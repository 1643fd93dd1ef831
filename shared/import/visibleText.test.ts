import { describe, expect, it } from 'vitest';
import type { InlineCode } from '../inline/inlineCodes.js';
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
