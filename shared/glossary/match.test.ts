import { describe, expect, it } from 'vitest';
import { findTermMatches, splitByMatches, TextMatcher, termsIn } from './match.js';

const term = (source: string, caseSensitive = false) => ({ source, target: `T(${source})`, forbidden: [], caseSensitive });

describe('term matching', () => {
  it('matches whole words only, ignoring case unless the term says otherwise', () => {
    const text = 'The EU and the eu-wide EUR rules; Europe.';
    expect(findTermMatches(text, [term('EU')], 'en').map((m) => m.text)).toEqual(['EU', 'eu']);
    expect(findTermMatches(text, [term('EU', true)], 'en').map((m) => m.text)).toEqual(['EU']);
    expect(findTermMatches('Europeans', [term('Europe')], 'en')).toEqual([]);
    expect(findTermMatches('unionised', [term('union')], 'en')).toEqual([]);
  });

  it('gives offsets into the text and splits it for highlighting', () => {
    const text = 'Ask the European Union today.';
    const matches = findTermMatches(text, [term('european union')], 'en');
    expect(matches).toMatchObject([{ start: 8, end: 22, text: 'European Union' }]);
    expect(splitByMatches(text, matches).map((p) => [p.text, p.match !== null])).toEqual([
      ['Ask the ', false],
      ['European Union', true],
      [' today.', false],
    ]);
  });

  it('prefers the longer of overlapping terms and lets inner white space vary', () => {
    const text = 'The European\nUnion and the Union of Students.';
    const found = findTermMatches(text, [term('Union'), term('European Union')], 'en');
    expect(found.map((m) => [m.text, m.term.source])).toEqual([
      ['European\nUnion', 'European Union'],
      ['Union', 'Union'],
    ]);
  });

  it('finds a term whose words are split by inline formatting (chips), and a term inside a link', () => {
    const text = 'Ask the European \uE000Union\uE100 and \uE001the Council\uE101 today.';
    const found = findTermMatches(text, [term('European Union'), term('Council')], 'en');
    expect(found.map((m) => m.text)).toEqual(['European \uE000Union', 'Council']);
    // No white space between the words is no match.
    expect(findTermMatches('European\uE000Union', [term('European Union')], 'en')).toEqual([]);
  });

  it('counts apostrophes as boundaries (possessives, elision)', () => {
    expect(findTermMatches("Macron's plan and Macron’s reply", [term('Macron')], 'en')).toHaveLength(2);
    expect(findTermMatches("selon l'Union européenne", [term('Union européenne')], 'fr').map((m) => m.text)).toEqual(['Union européenne']);
  });

  it('matches CJK terms as substrings (no spaces between words)', () => {
    expect(findTermMatches('欧洲联盟委员会今天开会。', [term('欧洲联盟')], 'zh').map((m) => m.text)).toEqual(['欧洲联盟']);
    expect(findTermMatches('東京都知事が発表した。', [term('東京都')], 'ja')).toHaveLength(1);
    // A Latin term inside CJK text still needs its own boundaries.
    expect(findTermMatches('我们的EUR汇率', [term('EU')], 'zh')).toEqual([]);
  });

  it('handles right-to-left and accented text', () => {
    expect(findTermMatches('قال الاتحاد الأوروبي اليوم', [term('الاتحاد الأوروبي')], 'ar')).toHaveLength(1);
    expect(findTermMatches('Die Bundesregierung und die ÄRZTEKAMMER', [term('Ärztekammer')], 'de')).toHaveLength(1);
    expect(findTermMatches('Die Bundesregierung', [term('Bund')], 'de')).toEqual([]);
  });

  it('treats regular-expression characters in terms literally', () => {
    expect(findTermMatches('C++ (and C#) rule; Cxx does not.', [term('C++'), term('C#')], 'en').map((m) => m.text)).toEqual(['C++', 'C#']);
  });

  it('lists each term found once, and finds phrases in a target', () => {
    expect(termsIn('EU, EU and NATO', [term('EU'), term('NATO'), term('UN')], 'en').map((t) => t.source)).toEqual(['EU', 'NATO']);
    const m = new TextMatcher('La Unión Europea y la UE', 'es');
    expect(m.has('unión europea', false)).toBe(true);
    expect(m.has('unión europea', true)).toBe(false);
    expect(m.find('UE', false)).toEqual([{ start: 22, end: 24 }]);
  });
});
