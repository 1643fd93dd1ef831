/**
 * Seeded random pages (nested blocks, inline markup, furniture, broken markup, entities, deep
 * lists and tables): the reader never fails on valid input, and every row it makes shows text
 * and holds each of its codes exactly once, in order. Reproducible: the seed is in the test name.
 */
import { describe, expect, it } from 'vitest';
import { checkTokens } from '../../../../shared/inline/inlineCodes.js';
import { hasVisibleText } from '../../../../shared/import/visibleText.js';
import { parseHtml } from '../html.js';
import { mulberry32 } from '../../../../shared/testing/seededRandom.js';

/** A small seeded generator, so a failing page can be made again. */
const random = mulberry32;

const WORDS = [
  'river',
  'council',
  'vote',
  'Müller',
  'año',
  '東京',
  'سلام',
  'Share',
  'Advertisement',
  '1 of 24',
  '&amp;',
  '&nbsp;',
  '&#8203;',
  '<',
  '"quoted"',
  'Photograph: Jane Doe/Reuters',
  'Updated 2:09 PM ET',
];
const BLOCKS = [
  'p',
  'div',
  'section',
  'article',
  'aside',
  'nav',
  'header',
  'footer',
  'figure',
  'figcaption',
  'blockquote',
  'ul',
  'li',
  'ol',
  'table',
  'tr',
  'td',
  'h1',
  'h2',
  'h3',
  'main',
  'span',
  'pre',
  'details',
  'summary',
  'form',
  'custom-el',
];
const INLINE = ['b', 'strong', 'i', 'em', 'a', 'code', 'span', 'small', 'time', 'sup'];
const ATTRS = [
  '',
  ' class="share"',
  ' class="related-links"',
  ' hidden',
  ' aria-hidden="true"',
  ' style="display:none"',
  ' class="caption"',
  ' role="navigation"',
  ' class="byline"',
  ' itemprop="articleBody"',
  ' onclick="alert(1)"',
  ' class="sr-only"',
];

function page(next: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const inline = (depth: number): string => {
    const parts: string[] = [];
    const n = 1 + Math.floor(next() * 5);
    for (let i = 0; i < n; i++) {
      const r = next();
      if (r < 0.55 || depth > 3) parts.push(pick(WORDS));
      else if (r < 0.65) parts.push('<br>');
      else {
        const tag = pick(INLINE);
        const href = tag === 'a' ? ` href="${pick(['https://x.example/a', '/rel', '#top', 'javascript:alert(1)', ''])}"` : '';
        parts.push(`<${tag}${href}${pick(ATTRS)}>${inline(depth + 1)}${next() < 0.9 ? `</${tag}>` : ''}`);
      }
    }
    return parts.join(pick([' ', '', ' ']));
  };
  const block = (depth: number): string => {
    if (depth > 6 || next() < 0.3) return `<p${pick(ATTRS)}>${inline(0)}</p>`;
    const tag = pick(BLOCKS);
    const kids = Array.from({ length: 1 + Math.floor(next() * 4) }, () => (next() < 0.3 ? inline(0) : block(depth + 1))).join('\n');
    return `<${tag}${pick(ATTRS)}>${kids}${next() < 0.95 ? `</${tag}>` : ''}`;
  };
  const head =
    next() < 0.7
      ? `<head><title>${pick(WORDS)} ${pick(WORDS)} | Site</title><meta property="og:title" content="${pick(WORDS)}"></head>`
      : '';
  return `<!doctype html><html lang="${pick(['en', 'de', 'es', ''])}">${head}<body>${Array.from({ length: 2 + Math.floor(next() * 6) }, () => block(0)).join('\n')}</body></html>`;
}

describe('random pages', () => {
  const seeds = Array.from({ length: 150 }, (_, i) => 1000 + i);
  it.each(seeds)('seed %i: no failure, no blank row, every code exactly once', (seed) => {
    const html = page(random(seed));
    for (const extract of ['article', 'page'] as const) {
      const parsed = parseHtml(html, { extract });
      for (const s of parsed.segments) {
        expect(hasVisibleText(s.text, s.codes), JSON.stringify(s.text)).toBe(true);
        expect(checkTokens(s.text, s.codes ?? []).ok, JSON.stringify([s.text, s.codes])).toBe(true);
        expect(JSON.stringify(s)).not.toMatch(/javascript:|onclick|alert\(/);
      }
      expect(parsed.title === null || parsed.title.trim() !== '').toBe(true);
    }
  });
});
