import { describe, expect, it } from 'vitest';
import { mergeLocales } from './mergeLocales.js';

describe('mergeLocales', () => {
  it('deep-merges feature files over the core file', () => {
    const merged = mergeLocales({ a: { b: 'B' }, errors: { X: 'x' } }, { errors: { Y: 'y' }, feature: { c: 'C' } });
    expect(merged).toEqual({ a: { b: 'B' }, errors: { X: 'x', Y: 'y' }, feature: { c: 'C' } });
  });
  it('refuses a key defined twice, so features cannot silently override each other', () => {
    expect(() => mergeLocales({ a: { b: 'one' } }, { a: { b: 'two' } })).toThrow(/a\.b/);
  });
});
