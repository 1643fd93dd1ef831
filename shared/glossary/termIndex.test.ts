import { describe, expect, it } from 'vitest';
import { findTermMatches } from './match.js';
import { glossaryIssues, glossaryQaCheck } from './qaCheck.js';
import { TermIndex } from './termIndex.js';

/** A small seeded generator, so a failure can be reproduced. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = [
  'EU',
  'eu',
  'Union',
  'union',
  'European',
  'Macron',
  "Macron's",
  'l’Union',
  'prime',
  'minister',
  'PM',
  '2024',
  'Ünion',
  'São',
  'Paulo',
  '欧盟',
  '東京',
  'mercado',
  'común',
  '-',
  ',',
  '(',
  '"',
  'x',
];

function phrase(next: () => number, max: number): string {
  const n = 1 + Math.floor(next() * max);
  return Array.from({ length: n }, () => WORDS[Math.floor(next() * WORDS.length)]!).join(next() < 0.2 ? '' : next() < 0.5 ? ' ' : '  ');
}

describe('TermIndex', () => {
  it('finds exactly what matching against every term finds (300 seeded glossaries and texts)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const terms = Array.from({ length: 1 + Math.floor(next() * 30) }, (_, i) => ({
        source: i % 9 === 0 ? ` ${phrase(next, 2)}` : phrase(next, 3),
        target: phrase(next, 2),
        forbidden: next() < 0.3 ? [phrase(next, 1)] : [],
        caseSensitive: next() < 0.3,
      }));
      const index = new TermIndex(terms);
      for (let k = 0; k < 5; k++) {
        const text = phrase(next, 25);
        for (const lang of ['en', 'ja']) {
          expect(index.matches(text, lang), `seed ${seed} text ${JSON.stringify(text)}`).toEqual(findTermMatches(text, terms, lang));
        }
        const ctx = { source: text, target: phrase(next, 20), sourceLang: 'en', targetLang: 'es', mt: null };
        expect(glossaryQaCheck(terms).run(ctx), `seed ${seed}`).toEqual(glossaryIssues(ctx, terms));
      }
    }
  });

  it('tries only the terms whose first word the text has', () => {
    const terms = [
      { source: 'European Union', caseSensitive: false },
      { source: 'prime minister', caseSensitive: false },
      { source: '欧盟', caseSensitive: false },
      { source: '"quoted"', caseSensitive: false },
    ];
    const index = new TermIndex(terms);
    expect(index.candidates('The prime minister spoke.').map((t) => t.source)).toEqual(['prime minister', '欧盟', '"quoted"']);
    expect(index.candidates('')).toEqual([]);
  });
});
