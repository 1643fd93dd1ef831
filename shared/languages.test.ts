import { describe, expect, it } from 'vitest';
import {
  LANGUAGES,
  canonicalTagCasing,
  isKnownLanguage,
  languageFallbacks,
  languageInfo,
  normalizeLanguageTag,
} from './languages.js';

const REQUIRED = [
  'en', 'de', 'es', 'fr', 'nl', 'it', 'pt', 'pt-BR', 'pl', 'sv', 'da', 'nb', 'fi', 'cs', 'sk', 'hu',
  'ro', 'bg', 'el', 'tr', 'ru', 'uk', 'ar', 'he', 'fa', 'zh-Hans', 'zh-Hant', 'ja', 'ko', 'ca', 'gl',
  'eu', 'id', 'hi',
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
    const rtl = LANGUAGES.filter((l) => l.dir === 'rtl').map((l) => l.tag).sort();
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
