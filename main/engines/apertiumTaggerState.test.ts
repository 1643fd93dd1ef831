import { describe, expect, it } from 'vitest';
import {
  advance,
  analysedUnits,
  compatible,
  depsOf,
  equivalent,
  MIXED,
  PRISTINE,
  reportedDeps,
  UNKNOWN,
  type TaggerState,
} from './apertiumTaggerState.js';

const X = (cls: string): TaggerState => ({ kind: 'family', cls });
const AB = '{A,B}';
const CD = '{C,D}';

describe('tagger state model', () => {
  it('a unit without unknown words or words of a class the model lacks fits any state', () => {
    for (const s of [PRISTINE, X(AB), MIXED]) expect(equivalent(s, PRISTINE, [])).toBe(true);
  });

  it('the same state, or pristine and X(c) when the first such word is of class c, tag alike', () => {
    expect(equivalent(PRISTINE, PRISTINE, [UNKNOWN, AB])).toBe(true);
    expect(equivalent(X(AB), X(AB), [UNKNOWN])).toBe(true);
    expect(equivalent(X(AB), PRISTINE, [AB, UNKNOWN, CD])).toBe(true);
    expect(equivalent(PRISTINE, X(AB), [AB])).toBe(true);
    // An unknown word first sees the state as it is.
    expect(equivalent(X(AB), PRISTINE, [UNKNOWN, AB])).toBe(false);
    expect(equivalent(PRISTINE, X(AB), [UNKNOWN])).toBe(false);
    // Another class first: from two different states, not known to end alike.
    expect(equivalent(X(CD), PRISTINE, [AB])).toBe(false);
    expect(equivalent(X(CD), X(AB), [AB])).toBe(false);
    // A state reached through two classes is not known exactly.
    expect(equivalent(MIXED, MIXED, [UNKNOWN])).toBe(false);
    expect(equivalent(PRISTINE, MIXED, [AB])).toBe(false);
    expect(compatible(X(AB), [AB])).toBe(true);
    expect(compatible(X(AB), [UNKNOWN])).toBe(false);
  });

  it('advances: unknown words change nothing; one class narrows to X(c); two classes make it mixed', () => {
    expect(advance(PRISTINE, [UNKNOWN, UNKNOWN])).toEqual(PRISTINE);
    expect(advance(PRISTINE, [AB, UNKNOWN, AB])).toEqual(X(AB));
    expect(advance(X(AB), [AB])).toEqual(X(AB));
    expect(advance(X(AB), [CD])).toEqual(MIXED);
    expect(advance(PRISTINE, [AB, CD])).toEqual(MIXED);
    expect(advance(MIXED, [])).toEqual(MIXED);
  });

  it('cuts an analysed paragraph after each sentence end that has a word after it, skipping superblanks and escapes', () => {
    const text = '^It/prpers<prn>$ ^rains/rain<vblex><pri>$^./.<sent>$[ \\] ^x$]^Wow/*Wow$^!/!<sent>$[\\n]^a\\/b/a\\/b<n>$^./.<sent>$[]';
    const units = analysedUnits(text);
    expect(units.map((u) => u.text)).toEqual([
      '^It/prpers<prn>$ ^rains/rain<vblex><pri>$^./.<sent>$',
      '[ \\] ^x$]^Wow/*Wow$^!/!<sent>$',
      '[\\n]^a\\/b/a\\/b<n>$^./.<sent>$[]',
    ]);
    expect(units.map((u) => u.words)).toEqual([
      ['It', 'rains', '.'],
      [null, '!'],
      ['a/b', '.'],
    ]);
    expect(units.map((u) => u.text).join('')).toBe(text);
    // A sentence end among other analyses is not a cut.
    expect(analysedUnits('^a/a<n>$^./.<sent>/.<abbr>$ ^b/b<n>$')).toHaveLength(1);
  });

  it('finds deps by the known words, and checks them against the reports', () => {
    const words = ['The', 'included', null, 'included', 'it'];
    expect(depsOf(words, new Map([['included', AB]]))).toEqual([AB, UNKNOWN, AB]);
    expect(
      reportedDeps(words, [
        { word: 'included', cls: AB },
        { word: 'included', cls: AB },
      ]),
    ).toEqual([AB, UNKNOWN, AB]);
    expect(reportedDeps(words, [])).toEqual([UNKNOWN]);
    // One report for two occurrences, or a word that is not there: not matched.
    expect(reportedDeps(words, [{ word: 'included', cls: AB }])).toBeNull();
    expect(reportedDeps(words, [{ word: 'elsewhere', cls: AB }])).toBeNull();
  });
});
