/**
 * The quick bound of the link-list rule (linkShare.ts) never rules out a block the exact rule
 * would take: checked on every block of seeded random pages (white space of every kind, links
 * holding times and headings, nested links), and on the shapes it is for.
 */
import { describe, expect, it } from 'vitest';
import { buildDom } from './buildDom.js';
import { all, textOf, type DomElement } from './dom.js';
import { linkShareBound } from './linkShare.js';
import { mulberry32 } from '../../../../shared/testing/seededRandom.js';

const ASIDE = 'time, h2, h3, h4, h5, h6';
const charsIn = (el: DomElement, selector: string) => all(el, selector).reduce((n, x) => n + textOf(x).length, 0);

/** The share of link text as clutter.ts's isLinkList measures it; null where it would not divide (no text left). */
function exactShare(el: DomElement): number | null {
  const chars = textOf(el).length - charsIn(el, ASIDE);
  if (chars <= 0) return null;
  return all(el, 'a').reduce((n, a) => n + textOf(a).length - charsIn(a, ASIDE), 0) / chars;
}

const SPACES = [' ', '  ', '\n', '\t', '\u00a0', '\u2003', '\u3000', ''];
const WORDS = ['river', 'año', '東京', 'a', 'b', 'c', 'x y', '—', '12:05'];
const TAGS = ['div', 'ul', 'li', 'a', 'a', 'a', 'time', 'h2', 'h4', 'span'];

function randomPage(seed: number): string {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const block = (depth: number): string => {
    const parts: string[] = [];
    const n = 1 + Math.floor(rnd() * 5);
    for (let i = 0; i < n; i++) {
      if (depth < 5 && rnd() < 0.5) {
        const tag = pick(TAGS);
        parts.push(`<${tag}${tag === 'a' ? ' href="/x"' : ''}>${block(depth + 1)}</${tag}>`);
      } else parts.push(pick(SPACES) + pick(WORDS) + pick(SPACES));
    }
    return parts.join(pick(SPACES));
  };
  return `<html><body>${block(0)}</body></html>`;
}

describe('linkShareBound', () => {
  it('never rules out a block whose exact link share reaches the threshold (400 seeded pages, every block)', () => {
    let ruledOut = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const doc = buildDom(randomPage(seed));
      const couldBe = linkShareBound(doc.body, 0.8);
      for (const el of [doc.body, ...all(doc.body, '*')]) {
        if (couldBe(el)) continue;
        ruledOut++;
        const share = exactShare(el);
        expect(share, `seed ${seed}, <${el.localName}>`).not.toBeNull();
        expect(share!, `seed ${seed}, <${el.localName}>`).toBeLessThan(0.8);
      }
    }
    // The bound does rule blocks out (else it would be of no use).
    expect(ruledOut).toBeGreaterThan(1000);
  });

  it('rules out a block of prose with a few links; keeps a list of links, however spaced', () => {
    const prose = `<p>${'The council voted on the budget after a long debate. '.repeat(20)}<a href="/a">one</a> <a href="/b">two</a> <a href="/c">three</a></p>`;
    const list = `<ul>\n  <li>\n    <a href="/1">  Most   read  </a>\n  </li>\n  <li><a href="/2">Second story</a> <time>2 h</time></li>\n  <li><a href="/3">Third</a></li>\n</ul>`;
    const doc = buildDom(`<html><body><div id="prose">${prose}</div><div id="list">${list}</div></body></html>`);
    const couldBe = linkShareBound(doc.body, 0.8);
    expect(couldBe(doc.body.querySelector('#prose')!)).toBe(false);
    expect(couldBe(doc.body.querySelector('ul')!)).toBe(true);
    expect(exactShare(doc.body.querySelector('ul')!)).toBeGreaterThanOrEqual(0.8);
  });
});
