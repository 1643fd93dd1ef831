import { describe, expect, it } from 'vitest';
import { apertiumCodeToTag, modeToPair } from './apertiumLanguages.js';

describe('Apertium language codes', () => {
  it('maps ISO 639-3, 639-2/B and 639-1 codes to BCP 47 tags Verso knows', () => {
    expect(apertiumCodeToTag('eng')).toBe('en');
    expect(apertiumCodeToTag('spa')).toBe('es');
    expect(apertiumCodeToTag('cat')).toBe('ca');
    expect(apertiumCodeToTag('fre')).toBe('fr');
    expect(apertiumCodeToTag('es')).toBe('es');
    expect(apertiumCodeToTag('por_BR')).toBe('pt-BR');
  });
  it('skips variants and languages Verso does not know', () => {
    expect(apertiumCodeToTag('eng_US')).toBeNull();
    expect(apertiumCodeToTag('cat_valencia')).toBeNull();
    expect(apertiumCodeToTag('xyz')).toBeNull();
  });
  it('reads translation modes as pairs and ignores other modes', () => {
    expect(modeToPair('eng-spa')).toEqual({ source: 'en', target: 'es' });
    expect(modeToPair('spa-eng_US')).toBeNull();
    expect(modeToPair('eng-spa-tagger')).toBeNull();
  });
});
