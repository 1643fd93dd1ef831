import { describe, expect, it } from 'vitest';
import { pairKey, primaryLanguage, sameLanguage } from './pair.js';

describe('TM language pairs', () => {
  it('maps language variants to their primary language', () => {
    expect(primaryLanguage('es-ES')).toBe('es');
    expect(primaryLanguage('ES_mx')).toBe('es');
    expect(pairKey('en-GB', 'es-ES')).toBe(pairKey('en', 'es'));
    expect(pairKey('en', 'es')).not.toBe(pairKey('es', 'en'));
    expect(sameLanguage('es-ES', 'es')).toBe(true);
    expect(sameLanguage('pt', 'es')).toBe(false);
  });
});
