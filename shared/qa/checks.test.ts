import { describe, expect, it } from 'vitest';
import {
  balanceCheck,
  bracketsBalanced,
  emptyCheck,
  endMark,
  endPunctuationCheck,
  expectedLengthRatio,
  extractEmails,
  extractNumbers,
  extractUrls,
  identicalCheck,
  lengthCheck,
  numbersCheck,
  quoteStyleCheck,
  spacesCheck,
  unknownWordsCheck,
  urlsCheck,
} from './checks.js';
import { qaErrors, runQa } from './runQa.js';
import type { QaCheck, QaContext } from './types.js';

function ctx(source: string, target: string, more: Partial<QaContext> = {}): QaContext {
  return { source, target, sourceLang: 'en', targetLang: 'es', mt: null, ...more };
}
const codes = (check: QaCheck, c: QaContext) => check.run(c).map((i) => i.code);

describe('numbers and dates', () => {
  it('compares digits whatever the separators', () => {
    expect(extractNumbers('1,000.5 and 1\u00a0000,5 and ٣٤')).toEqual(['10005', '10005', '34']);
    expect(codes(numbersCheck, ctx('It cost $1,500 on 5 May 2024.', 'Costó 1.500 $ el 5 de mayo de 2024.'))).toEqual([]);
  });
  it('reports a missing and a changed number', () => {
    const issues = numbersCheck.run(ctx('On 12 March 2024, 300 people came.', 'El 12 de marzo de 2025 vinieron personas.'));
    expect(issues.map((i) => [i.code, i.params.value])).toEqual([
      ['numberMissing', '2024'],
      ['numberMissing', '300'],
      ['numberAdded', '2025'],
    ]);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
  });
  it('ignores digits inside URLs and an empty target', () => {
    expect(codes(numbersCheck, ctx('See https://x.org/a/2024 now', 'Mira https://x.org/a/2024 ahora'))).toEqual([]);
    expect(codes(numbersCheck, ctx('300 people', ''))).toEqual([]);
  });
});

describe('URLs and e-mail addresses', () => {
  it('extracts them without trailing punctuation', () => {
    expect(extractUrls('Go to https://example.org/path. Or www.test.de, please')).toEqual(['https://example.org/path', 'www.test.de']);
    expect(extractEmails('Write to desk@example.org.')).toEqual(['desk@example.org']);
  });
  it('reports changed and missing ones', () => {
    const c = ctx('Read https://example.org/a or mail desk@example.org', 'Lea https://example.org/b o escriba a redaccion@example.org');
    expect(codes(urlsCheck, c)).toEqual(['urlMissing', 'urlAdded', 'emailMissing', 'emailAdded']);
    expect(codes(urlsCheck, ctx('Read https://example.org/a', 'Lea https://example.org/a'))).toEqual([]);
  });
});

describe('empty and identical', () => {
  it('flags an empty target as an error', () => {
    expect(emptyCheck.run(ctx('Hello there', '  '))).toEqual([expect.objectContaining({ code: 'targetEmpty', severity: 'error' })]);
    expect(codes(emptyCheck, ctx('Hello there', 'Hola'))).toEqual([]);
  });
  it('flags a target identical to a source with words, not a number or a name', () => {
    expect(codes(identicalCheck, ctx('The president said', 'The president said '))).toEqual(['targetIdentical']);
    expect(codes(identicalCheck, ctx('2024', '2024'))).toEqual([]);
    expect(codes(identicalCheck, ctx('Alibaba', 'Alibaba'))).toEqual([]);
  });
});

describe('spaces', () => {
  it('flags leading, trailing and double spaces', () => {
    expect(codes(spacesCheck, ctx('A b.', ' A  b. '))).toEqual(['leadingSpace', 'trailingSpace', 'doubleSpace']);
    expect(codes(spacesCheck, ctx('A b.', 'A b.'))).toEqual([]);
  });
});

describe('end punctuation', () => {
  it('compares the kind of the final mark, across scripts and closing quotes', () => {
    expect(endMark('He said “yes.”')).toBe('.');
    expect(endMark('你好。')).toBe('.');
    expect(endMark('Wait...')).toBe('…');
    expect(codes(endPunctuationCheck, ctx('Is it?', '¿Lo es?'))).toEqual([]);
    expect(codes(endPunctuationCheck, ctx('Hello.', '你好。', { targetLang: 'zh-Hans' }))).toEqual([]);
    expect(endPunctuationCheck.run(ctx('Is it?', 'Lo es.'))[0]).toMatchObject({
      code: 'endPunctuation',
      params: { source: '?', target: '.' },
    });
    expect(codes(endPunctuationCheck, ctx('Title', 'Título.'))).toEqual(['endPunctuation']);
  });
});

describe('length ratio', () => {
  it('uses the pair norm', () => {
    expect(expectedLengthRatio('en', 'de')).toBeCloseTo(1.2);
    expect(expectedLengthRatio('en', 'zh-Hans')).toBeCloseTo(0.35);
    const source = 'The minister announced new measures today.';
    expect(codes(lengthCheck, ctx(source, 'El ministro anunció hoy nuevas medidas.'))).toEqual([]);
    expect(codes(lengthCheck, ctx(source, 'Sí.'))).toEqual(['tooShort']);
    expect(codes(lengthCheck, ctx(source, source.repeat(3)))).toEqual(['tooLong']);
    expect(codes(lengthCheck, ctx(source, '部长今天宣布了新措施。', { targetLang: 'zh-Hans' }))).toEqual([]);
    expect(codes(lengthCheck, ctx('Short.', 'Una frase mucho más larga que el original.'))).toEqual([]);
  });
});

describe('brackets and quotes', () => {
  it('balances brackets by kind and order', () => {
    expect(bracketsBalanced('a (b [c]) d')).toBe(true);
    expect(bracketsBalanced('a (b] c')).toBe(false);
    expect(bracketsBalanced('a (b')).toBe(false);
    expect(codes(balanceCheck, ctx('He (the boss) came.', 'Él (el jefe vino.'))).toEqual(['bracketsUnbalanced']);
  });
  it('balances quotation marks of any style', () => {
    expect(codes(balanceCheck, ctx('He said "yes".', 'Dijo «sí».'))).toEqual([]);
    expect(codes(balanceCheck, ctx('He said "yes".', 'Er sagte „ja“.', { targetLang: 'de' }))).toEqual([]);
    expect(codes(balanceCheck, ctx('He said "yes".', 'Dijo «sí.'))).toEqual(['quotesUnbalanced']);
    expect(codes(balanceCheck, ctx('He said "yes.', 'Dijo «sí.'))).toEqual([]);
  });
  it('expects the quotation marks of the target locale', () => {
    expect(codes(quoteStyleCheck, ctx('x', 'Er sagte „ja“.', { targetLang: 'de' }))).toEqual([]);
    expect(quoteStyleCheck.run(ctx('x', 'Er sagte "ja".', { targetLang: 'de' }))[0]).toMatchObject({
      code: 'quoteStyle',
      params: { found: '"', expected: '„…“' },
    });
    expect(codes(quoteStyleCheck, ctx('x', 'Il a dit « oui ».', { targetLang: 'fr' }))).toEqual([]);
    expect(codes(quoteStyleCheck, ctx('x', 'Il a dit “oui”.', { targetLang: 'fr' }))).toEqual(['quoteStyle']);
    expect(codes(quoteStyleCheck, ctx('x', 'He said “yes”.', { targetLang: 'en' }))).toEqual([]);
    expect(codes(quoteStyleCheck, ctx('x', 'He said „yes“.', { targetLang: 'en-GB' }))).toEqual(['quoteStyle']);
    expect(codes(quoteStyleCheck, ctx('x', 'Dijo "sí".', { targetLang: 'xx' }))).toEqual([]);
  });
});

describe('unknown words', () => {
  it('reports words the engine did not know that are still in the target', () => {
    const mt = { text: 'El gigante Alibaba y Zorblax', unknownWords: ['Alibaba', 'Zorblax'] };
    expect(unknownWordsCheck.run(ctx('x', 'El gigante Alibaba y Zorblax', { mt }))[0]).toMatchObject({
      code: 'unknownWords',
      params: { words: 'Alibaba, Zorblax', count: 2 },
    });
    expect(unknownWordsCheck.run(ctx('x', 'El gigante Alibaba y otro', { mt }))[0]!.params.words).toBe('Alibaba');
    expect(codes(unknownWordsCheck, ctx('x', 'Alibabas', { mt }))).toEqual([]);
    expect(codes(unknownWordsCheck, ctx('x', 'anything', { mt: null }))).toEqual([]);
  });
});

describe('runQa', () => {
  it('puts errors first and accepts checks from other features', () => {
    const glossary: QaCheck = { id: 'glossary', run: () => [{ checkId: 'glossary', severity: 'warning', code: 'term', params: {} }] };
    const issues = runQa(ctx('In 2024 it rained', ' In 2023 llovió'), [glossary]);
    expect(issues[0]!.severity).toBe('error');
    expect(issues.map((i) => i.checkId)).toContain('glossary');
    expect(qaErrors(issues).map((i) => i.code)).toEqual(['numberMissing', 'numberAdded']);
    expect(runQa(ctx('The minister came.', 'El ministro vino.'))).toEqual([]);
  });
});
