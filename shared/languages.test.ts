import { describe, expect, it } from 'vitest';
import {
  LANGUAGES,
  canonicalTagCasing,
  isKnownLanguage,
  languageFallbacks,
  languageInfo,
  languageInfoOrBase,
  lookupLanguage,
  canonicalLanguageTag,
  normalizeLanguageTag,
} from './languages.js';

const REQUIRED = [
  'en',
  'de',
  'es',
  'fr',
  'nl',
  'it',
  'pt',
  'pt-BR',
  'pl',
  'sv',
  'da',
  'nb',
  'fi',
  'cs',
  'sk',
  'hu',
  'ro',
  'bg',
  'el',
  'tr',
  'ru',
  'uk',
  'ar',
  'he',
  'fa',
  'zh-Hans',
  'zh-Hant',
  'ja',
  'ko',
  'ca',
  'gl',
  'eu',
  'id',
  'hi',
];

describe('LANGUAGES', () => {
  it('holds every required news language with its canonical tag', () => {
    const tags = LANGUAGES.map((l) => l.tag);
    for (const tag of REQUIRED) expect(tags).toContain(tag);
  });

  it('has unique tags (case-insensitively), names, and canonical casing', () => {
    const lower = LANGUAGES.map((l) => l.tag.toLowerCase());
    expect(new Set(lower).size).toBe(LANGUAGES.length);
    for (const l of LANGUAGES) {
      expect(canonicalTagCasing(l.tag)).toBe(l.tag);
      expect(l.englishName.trim()).not.toBe('');
      expect(l.nativeName.trim()).not.toBe('');
      expect(l.nativeName).toBe(l.nativeName.normalize('NFC'));
    }
  });

  it('marks exactly the right-to-left scripts as rtl', () => {
    const rtl = LANGUAGES.filter((l) => l.dir === 'rtl')
      .map((l) => l.tag)
      .sort();
    expect(rtl).toEqual(['ar', 'fa', 'he']);
  });

  it('cannot be mutated', () => {
    expect(Object.isFrozen(LANGUAGES)).toBe(true);
    expect(Object.isFrozen(LANGUAGES[0])).toBe(true);
  });
});

describe('normalizeLanguageTag', () => {
  it.each([
    ['PT-br', 'pt-BR'],
    ['pt-br', 'pt-BR'],
    ['pt_BR', 'pt-BR'],
    ['zh-hans', 'zh-Hans'],
    ['ZH-HANT', 'zh-Hant'],
    [' en ', 'en'],
    ['EN', 'en'],
    ['de', 'de'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeLanguageTag(input)).toBe(expected);
  });

  it.each(['', '   ', 'xx', 'en-US', 'zh', 'pt-PT', 'en--', 'e n', 'klingon'])('%j is not known', (input) => {
    expect(normalizeLanguageTag(input)).toBeNull();
    expect(isKnownLanguage(input)).toBe(false);
  });

  it('knows every listed tag in any casing', () => {
    for (const l of LANGUAGES) {
      expect(normalizeLanguageTag(l.tag.toUpperCase())).toBe(l.tag);
      expect(isKnownLanguage(l.tag.toLowerCase())).toBe(true);
    }
  });
});

describe('languageFallbacks', () => {
  it.each([
    ['pt-BR', ['pt-BR', 'pt']],
    ['zh-Hans', ['zh-Hans', 'zh']],
    ['en', ['en']],
    ['pt-br', ['pt-BR', 'pt']],
    ['zh-hant-tw', ['zh-Hant-TW', 'zh-Hant', 'zh']],
    ['es-419', ['es-419', 'es']],
    ['en-x-house', ['en-x-house', 'en']],
  ])('%j -> %j', (input, expected) => {
    expect(languageFallbacks(input)).toEqual(expected);
  });

  it('never adds another language', () => {
    for (const l of LANGUAGES) {
      const primary = l.tag.split('-')[0]!;
      for (const f of languageFallbacks(l.tag)) expect(f.split('-')[0]).toBe(primary);
    }
  });

  it('is empty for an empty or malformed tag', () => {
    expect(languageFallbacks('')).toEqual([]);
    expect(languageFallbacks('p t')).toEqual([]);
  });
});

describe('languageInfo', () => {
  it('finds a language by any casing', () => {
    expect(languageInfo('pt-br')).toMatchObject({ tag: 'pt-BR', dir: 'ltr' });
    expect(languageInfo('AR')).toMatchObject({ tag: 'ar', dir: 'rtl', nativeName: 'العربية' });
    expect(languageInfo('de')?.englishName).toBe('German');
  });

  it('is null for an unknown tag', () => {
    expect(languageInfo('xx')).toBeNull();
    expect(languageInfo('')).toBeNull();
  });
});

describe('canonicalLanguageTag (issue 14: any valid BCP 47 tag)', () => {
  it.each([
    ['en-US', 'en-US'],
    ['eN-uS', 'en-US'],
    ['en_gb', 'en-GB'],
    ['es-mx', 'es-MX'],
    ['es-419', 'es-419'],
    ['fr-ca', 'fr-CA'],
    ['de-ch', 'de-CH'],
    ['pt-pt', 'pt-PT'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['ZH-HANS', 'zh-Hans'],
    ['iw', 'he'],
    ['sr-Latn-RS', 'sr-Latn-RS'],
    [' de-DE ', 'de-DE'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalLanguageTag(input)).toBe(expected);
  });
  it.each([
    '',
    'und',
    'x-foo',
    'i-klingon',
    'en-',
    'e',
    'english',
    'en US',
    'en--US',
    'a'.repeat(80),
    'en-US-US',
    'xx',
    'xx-nope',
    'en-Nope',
    'de-AA',
    'en-ZZ',
    'qaa',
    'klingon',
  ])('refuses %j', (input) => {
    expect(canonicalLanguageTag(input)).toBeNull();
  });
});

describe('lookupLanguage (BCP 47 lookup within one language)', () => {
  it('finds the exact tag, else a less specific form; never another language', () => {
    expect(lookupLanguage('es-MX', ['en', 'es', 'es-MX'])).toBe('es-MX');
    expect(lookupLanguage('es-MX', ['en', 'es'])).toBe('es');
    expect(lookupLanguage('pt-BR', ['pt', 'es'])).toBe('pt');
    expect(lookupLanguage('zh-Hant-TW', ['zh-Hans', 'zh'])).toBe('zh');
    expect(lookupLanguage('gsw-CH', ['de', 'en'])).toBeNull();
    expect(lookupLanguage('es-MX', ['en', 'pt'])).toBeNull();
  });
  it('describes a regional tag by its language (direction, names)', () => {
    expect(languageInfo('ar-EG')).toBeNull();
    expect(languageInfoOrBase('ar-EG')?.dir).toBe('rtl');
    expect(languageInfoOrBase('es-MX')?.englishName).toBe('Spanish');
    expect(languageInfoOrBase('tlh')).toBeNull();
  });
});
