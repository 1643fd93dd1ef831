import { describe, expect, it } from 'vitest';
import { compile, findMatches, hasMatch, paragraphMatches, replaceMatch } from './find.js';
import type { Paragraph } from '../../../shared/types.js';

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

describe('hasMatch (the find filter, tested for every paragraph as the query is typed)', () => {
  it('says whether findMatches would find anything, without building the matches', () => {
    const texts = ['', 'a', 'A.B axb a.b', 'naïve café', '😀x😀', 'De 5 km a 10 km.', 'aaa'];
    const queries = [
      { query: 'a', regex: false },
      { query: 'a.b', regex: false },
      { query: 'x*', regex: true },
      { query: '\\d+ km', regex: true },
      { query: '(?:)', regex: true },
      { query: '^', regex: true },
      { query: 'é', regex: false },
      { query: '(?=x)', regex: true },
    ];
    for (const { query, regex } of queries) {
      const pattern = compile({ query, regex, caseSensitive: false }) as RegExp;
      for (const text of texts) expect(hasMatch(text, pattern), `${query} in ${text}`).toBe(findMatches(text, pattern).length > 0);
    }
  });

  it('does not depend on an earlier use of the same pattern', () => {
    const pattern = compile({ query: 'km', regex: false, caseSensitive: false }) as RegExp;
    expect(hasMatch('De 5 km a 10 km.', pattern)).toBe(true);
    expect(hasMatch('km', pattern)).toBe(true);
    expect(paragraphMatches({ source: 'Five km.', target: '' } as Paragraph, pattern, 'source')).toBe(true);
    expect(paragraphMatches({ source: 'Five km.', target: '' } as Paragraph, pattern, 'target')).toBe(false);
  });
});
