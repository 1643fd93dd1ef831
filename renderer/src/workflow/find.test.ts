import { describe, expect, it } from 'vitest';
import { compile, findMatches, replaceMatch } from './find.js';

describe('find and replace', () => {
  it('finds plain text literally, with or without case', () => {
    const p = compile({ query: 'a.b', regex: false, caseSensitive: false }) as RegExp;
    expect(findMatches('A.B axb a.b', p).map((m) => m.start)).toEqual([0, 8]);
    const cs = compile({ query: 'a.b', regex: false, caseSensitive: true }) as RegExp;
    expect(findMatches('A.B axb a.b', cs).map((m) => m.start)).toEqual([8]);
  });
  it('supports regular expressions and reports invalid ones', () => {
    const p = compile({ query: '(\\d+) km', regex: true, caseSensitive: false }) as RegExp;
    const text = 'De 5 km a 10 km.';
    const matches = findMatches(text, p);
    expect(matches.map((m) => m.text)).toEqual(['5 km', '10 km']);
    expect(replaceMatch(text, matches[1]!, p, '$1 kilómetros', true)).toBe('De 5 km a 10 kilómetros.');
    expect(compile({ query: '(', regex: true, caseSensitive: false })).toBeInstanceOf(Error);
    expect(compile({ query: '', regex: true, caseSensitive: false })).toBeNull();
  });
  it('replaces plain text without interpreting $', () => {
    const p = compile({ query: 'precio', regex: false, caseSensitive: false }) as RegExp;
    const [m] = findMatches('El precio sube.', p);
    expect(replaceMatch('El precio sube.', m!, p, '$&coste', false)).toBe('El $&coste sube.');
  });
});
