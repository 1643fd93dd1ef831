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
  it('maps regional variants to BCP 47 (issue 14); skips other variants and unknown languages', () => {
    expect(apertiumCodeToTag('eng_US')).toBe('en-US');
    expect(apertiumCodeToTag('spa_MX')).toBe('es-MX');
    expect(apertiumCodeToTag('cat_valencia')).toBeNull();
    expect(apertiumCodeToTag('xyz')).toBeNull();
  });
  it('reads translation modes as pairs and ignores other modes', () => {
    expect(modeToPair('eng-spa')).toEqual({ source: 'en', target: 'es' });
    expect(modeToPair('spa-eng_US')).toEqual({ source: 'es', target: 'en-US' });
    expect(modeToPair('eng-spa-tagger')).toBeNull();
  });
});
