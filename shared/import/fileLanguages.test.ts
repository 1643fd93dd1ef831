import { describe, expect, it } from 'vitest';
import { fileLanguageMismatch, languagesAgree } from './fileLanguages.js';

describe('languagesAgree', () => {
  it('same language agrees unless script or region contradict', () => {
    expect(languagesAgree('en-US', 'en')).toBe(true);
    expect(languagesAgree('EN_us', 'en-US')).toBe(true);
    expect(languagesAgree('zh-CN', 'zh-Hans')).toBe(true);
    expect(languagesAgree('ca', 'es')).toBe(false);
    expect(languagesAgree('pt-PT', 'pt-BR')).toBe(false);
    expect(languagesAgree('zh-Hant', 'zh-Hans')).toBe(false);
  });
});

describe('fileLanguageMismatch', () => {
  it('names both pairs; an undeclared side is taken as chosen', () => {
    expect(fileLanguageMismatch({ sourceLang: 'en', targetLang: 'ca' }, { sourceLang: 'en', targetLang: 'es' })).toEqual({
      fileSourceLang: 'en',
      fileTargetLang: 'ca',
      sourceLang: 'en',
      targetLang: 'es',
    });
    expect(fileLanguageMismatch({ sourceLang: 'en', targetLang: null }, { sourceLang: 'en', targetLang: 'es' })).toBeNull();
    expect(fileLanguageMismatch({ sourceLang: null, targetLang: null }, { sourceLang: 'de', targetLang: 'es' })).toBeNull();
  });
});
