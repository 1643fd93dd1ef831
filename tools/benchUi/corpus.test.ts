import { describe, expect, it } from 'vitest';
import { buildCorpus, findWord, proseSentences, seededRandom } from './corpus.js';

const NEWS = `The Chinese e-commerce giant Alibaba denied a Financial Times report on Saturday. The article accuses the company of supporting the military.

“The claims and insinuations in the article are completely false,” a spokesperson for Alibaba Group told AFP.`;
const OTHER = `TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION.

1. Definitions. "License" shall mean the terms and conditions for use, reproduction, and distribution.

You may convey verbatim copies of the Program's source code as you receive it, in any medium. See <http://www.gnu.org/licenses/> for details on this and that.
Each contributor grants you a perpetual, worldwide, non-exclusive, no-charge copyright license to reproduce the work.`;

describe('bench:ui text', () => {
  it('keeps prose sentences and leaves out shouting, numbered items, links and markup', () => {
    const s = proseSentences(NEWS + '\n\n' + OTHER);
    expect(s).toContain('The Chinese e-commerce giant Alibaba denied a Financial Times report on Saturday.');
    expect(s).toContain('“The claims and insinuations in the article are completely false,” a spokesperson for Alibaba Group told AFP.');
    expect(s).toContain(
      'Each contributor grants you a perpetual, worldwide, non-exclusive, no-charge copyright license to reproduce the work.',
    );
    expect(s.some((x) => x.startsWith('TERMS'))).toBe(false);
    expect(s.some((x) => x.startsWith('1.'))).toBe(false);
    expect(s.some((x) => x.includes('gnu.org'))).toBe(false);
  });

  it('builds the number of different paragraphs asked for, the same for the same seed', () => {
    const news = proseSentences(NEWS);
    const other = proseSentences(OTHER);
    const a = buildCorpus(news, other, { paragraphs: 12, seed: 7 });
    expect(a).toHaveLength(12);
    expect(new Set(a.map((p) => p.plain)).size).toBe(12);
    expect(buildCorpus(news, other, { paragraphs: 12, seed: 7 })).toEqual(a);
    expect(buildCorpus(news, other, { paragraphs: 12, seed: 8 })).not.toEqual(a);
  });

  it('marks up some paragraphs in Markdown whose plain text is the same words', () => {
    const ps = buildCorpus(proseSentences(NEWS), proseSentences(OTHER), { paragraphs: 30, seed: 3, linkShare: 0.5, emphasisShare: 0.3 });
    const linked = ps.filter((p) => p.markdown.includes(']('));
    expect(linked.length).toBeGreaterThan(0);
    expect(ps.some((p) => /\*[^*]+\*/.test(p.markdown))).toBe(true);
    for (const p of ps) {
      const stripped = p.markdown.replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/\*([^*]+)\*/g, '$1');
      expect(stripped).toBe(p.plain);
    }
    expect(
      buildCorpus(proseSentences(NEWS), proseSentences(OTHER), { paragraphs: 10, seed: 3, linkShare: 0, emphasisShare: 0 }).every(
        (p) => p.markdown === p.plain,
      ),
    ).toBe(true);
  });

  it('refuses to loop forever when there are not enough different paragraphs', () => {
    expect(() => buildCorpus(['One short sentence here for you.'], [], { paragraphs: 50, seed: 1 })).toThrow(/different paragraphs/);
  });

  it('picks a search word found in about the share of paragraphs asked for', () => {
    const ps = ['alpha beta gamma', 'alpha beta', 'alpha', 'delta'].map((plain) => ({ plain, markdown: plain }));
    expect(findWord(ps, 0.5)).toEqual({ word: 'alpha', matches: 3 });
    expect(findWord(ps, 0.25).matches).toBe(1);
  });

  it('draws reproducible numbers in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});
