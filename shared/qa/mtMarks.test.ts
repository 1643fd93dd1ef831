import { describe, expect, it } from 'vitest';
import { runQa } from './runQa.js';
import { mtMarksCheck } from './mtMarks.js';
import type { QaContext } from './types.js';

function ctx(source: string, target: string): QaContext {
  return { source, target, sourceLang: 'en', targetLang: 'es', mt: null };
}
const found = (source: string, target: string) => mtMarksCheck.run(ctx(source, target)).map((i) => `${i.severity} ${i.params.value}`);

describe('raw MT marks (Apertium @ and #)', () => {
  it('"mid-@1990s": an untranslated word marked with @ is an error', () => {
    expect(found('In the mid-1990s it grew.', 'A mediados de los mid-@1990s creció.')).toEqual(['error @1990s']);
    expect(found('The mayor spoke.', 'El @mayor habló.')).toEqual(['error @mayor']);
  });

  it('a # generation mark, or any marked word new to the text, is a warning', () => {
    expect(found('She was elected.', 'Ella #ser elegida.')).toEqual(['warning #ser']);
  });

  it('the mark is reported once per distinct token, and runQa sees it', () => {
    expect(found('The mayor and the mayor.', 'El @mayor y el @mayor.')).toEqual(['error @mayor']);
    const issues = runQa(ctx('In the mid-1990s it grew.', 'A mediados de los @1990s creció.'));
    expect(issues.map((i) => i.code)).toContain('mtMark');
  });

  it('no false positives: e-mail addresses, URLs, hashtags and handles also in the source, C#, &#', () => {
    expect(found('Write to ana@example.com or see https://x.org/#top', 'Escriba a ana@example.com o vea https://x.org/#top')).toEqual([]);
    expect(found('Follow @nytimes and #MeToo.', 'Siga a @nytimes y #MeToo.')).toEqual([]);
    expect(found('She codes in C# and F#.', 'Programa en C# y F#.')).toEqual([]);
    expect(found('The #1 song.', 'La canción #1.')).toEqual([]);
    expect(found('Price: 5 @ 10.', 'Precio: 5 @ 10.')).toEqual([]);
  });

  it('an empty translation has nothing to check', () => {
    expect(found('The mayor spoke.', '')).toEqual([]);
  });
});
