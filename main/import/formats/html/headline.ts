/**
 * The headline, standfirst and byline of a page, found by structure and checked against what the
 * page says about itself (JSON-LD, Open Graph, <title>), so that a section label ("Africa"), a
 * gallery counter ("1 of 24"), an author's name or the site's logo is never taken for the headline.
 */
import { all, hasMoreElementsThan, inside, textOf, type DomDocument, type DomElement } from './dom.js';
import { nameWords } from './clutter.js';
import type { PageMeta } from './pageMeta.js';

export interface Headline {
  /** The element showing the headline, when the page has one that matches its titles. */
  element: DomElement | null;
  /** Its text (or the title the page declares, when no element shows it). */
  text: string;
}

/** Lower-case words (letters and digits) of a text. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Word-set F1 of two texts: 1 when they have the same words, 0 when none in common. */
export function similarity(a: string, b: string): number {
  const A = new Set(wordsOf(a));
  const B = new Set(wordsOf(b));
  if (A.size === 0 || B.size === 0) return 0;
  let common = 0;
  for (const w of A) if (B.has(w)) common++;
  return common === 0 ? 0 : (2 * common) / (A.size + B.size);
}

const SEPARATOR = /\s+[|\-–—·•»/\\]\s+|\s+::\s+/;

/** A declared title without the site's name: "Story | The Daily" → "Story" (the longest part when the site is not named). */
export function withoutSiteName(title: string, siteName: string | null): string {
  const parts = title
    .split(SEPARATOR)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length < 2) return title.trim();
  const kept = siteName ? parts.filter((p) => similarity(p, siteName) < 0.8) : parts;
  if (kept.length === 0) return title.trim();
  if (kept.length < parts.length) return kept.join(' – ');
  return kept.reduce((a, b) => (wordsOf(b).length > wordsOf(a).length ? b : a));
}

/** The titles to compare candidates with: each declared title, whole and without the site's name. */
function titleVariants(meta: PageMeta): string[] {
  return [...new Set(meta.titles.flatMap((t) => [t, withoutSiteName(t, meta.siteName)]))];
}

const TITLE_WORDS = new Set(['headline', 'title', 'entrytitle', 'posttitle', 'articletitle', 'storytitle', 'pagetitle', 'headlinetitle']);

/** The site's logo or name as a heading: a link home, an image only, or the site's name. */
function isLogo(el: DomElement, meta: PageMeta): boolean {
  const links = all(el, 'a');
  if (links.some((a) => /^(?:\/|https?:\/\/[^/]+\/?)$/.test((a.getAttribute('href') ?? '').trim()))) return true;
  if (textOf(el) === '') return true;
  return meta.siteName !== null && similarity(textOf(el), meta.siteName) >= 0.8;
}

function candidates(doc: DomDocument): DomElement[] {
  return all(doc.body, 'h1, h2, [itemprop~="headline"]').filter((el) => {
    if (el.localName === 'h1' || (el.getAttribute('itemprop') ?? '').split(/\s+/).includes('headline')) return true;
    for (const w of nameWords(el)) if (TITLE_WORDS.has(w)) return true;
    return false;
  });
}

export function findHeadline(doc: DomDocument, meta: PageMeta): Headline | null {
  const variants = titleVariants(meta);
  const found = candidates(doc).filter((el) => textOf(el) !== '');
  let best: { el: DomElement; score: number } | null = null;
  for (const el of found) {
    const score = Math.max(0, ...variants.map((v) => similarity(textOf(el), v)));
    const better =
      !best || score > best.score + 1e-9 || (Math.abs(score - best.score) < 1e-9 && el.localName === 'h1' && best.el.localName !== 'h1');
    if (better) best = { el, score };
  }
  if (best && best.score >= 0.6) return { element: best.el, text: textOf(best.el) };
  const h1s = found.filter((el) => el.localName === 'h1' && !isLogo(el, meta));
  if (variants.length === 0) {
    const first = h1s[0] ?? found.find((el) => !isLogo(el, meta));
    return first ? { element: first, text: textOf(first) } : null;
  }
  // The page names its title, and no heading shows it: one real <h1> of a few words is still the
  // headline the reader sees (an SEO title differs); otherwise the declared title is.
  if (h1s.length === 1 && wordsOf(textOf(h1s[0]!)).length >= 3) return { element: h1s[0]!, text: textOf(h1s[0]!) };
  const declared = meta.titles.map((t) => withoutSiteName(t, meta.siteName)).find((t) => wordsOf(t).length > 0);
  return declared ? { element: null, text: declared } : null;
}

const BYLINE_WORDS = new Set([
  'byline',
  'bylines',
  'byl',
  'author',
  'authors',
  'writer',
  'writers',
  'contributor',
  'contributors',
  'reporter',
  'reporters',
  'autor',
  'autoren',
  'autorin',
  'autores',
  'auteur',
  'auteurs',
  'autore',
  'autori',
  'signature',
  'firma',
]);
/** "By Jane Doe", "Von Lena Brandt", "Photographs by Lucía Gil", "Texto y fotos de …". */
const BY =
  /^(?:(?:[Ww]ords|[Tt]ext|[Pp]hotos?|[Pp]hotographs?|[Pp]ictures|[Rr]eporting|[Ff]otos?|[Tt]exto|[Tt]exte|[Bb]ilder)(?:\s+(?:and|und|y|et)\s+\p{L}+)?\s+)?(?:[Bb]y|[Ff]rom|[Pp]or|[Vv]on|[Pp]ar|[Dd]i|[Dd]oor|[Aa]v|[Aa]f|[Pp]rzez|[Dd]e)\s+\p{Lu}/u;
const STANDFIRST_WORDS = new Set([
  'standfirst',
  'dek',
  'deck',
  'summary',
  'subtitle',
  'subheadline',
  'subhead',
  'subheading',
  'strapline',
  'strap',
  'teaser',
  'intro',
  'introduction',
  'lead',
  'lede',
  'leadtext',
  'description',
  'desc',
  'excerpt',
  'abstract',
  'chapo',
  'chapeau',
  'sapo',
  'entradilla',
  'sumario',
  'bajada',
  'resumen',
  'vorspann',
  'untertitel',
  'sommario',
  'occhiello',
]);
const STANDFIRST_ITEMPROPS = ['description', 'alternativeheadline', 'abstract'];
/** Past this, the body has begun: a paragraph of real text that is neither standfirst nor byline. */
const BODY_PARAGRAPH_CHARS = 150;
const WINDOW_ELEMENTS = 120;

function bylineText(el: DomElement): string {
  return all(el, 'time')
    .reduce((t, time) => t.replace(textOf(time), ''), textOf(el))
    .trim();
}

/** Paths of author pages: a link there names the writer. */
const AUTHOR_PATH =
  /\/(?:by|authors?|autor|autoren|autores|auteurs?|autore|autori|profiles?|people|journalists?|redakteur|redaktion|reporters?|staff|columnists?|photographers?|fotografen|contributors?)\/[^/?#]+/i;

/** A byline is a few names, links and dates: a block of more elements than this is something else. */
const BYLINE_MAX_ELEMENTS = 60;

function isByline(el: DomElement): boolean {
  if (/^h[1-2]$/.test(el.localName) || hasMoreElementsThan(el, BYLINE_MAX_ELEMENTS)) return false;
  if (el.localName === 'a' && AUTHOR_PATH.test(el.getAttribute('href') ?? '') && textOf(el).length <= 80) return true;
  const text = bylineText(el);
  if (text.length < 3 || text.length > 200 || !/\p{L}/u.test(text) || (el.querySelector('p, li, figure, img') && text.length > 120))
    return false;
  if (el.getAttribute('rel') === 'author' || (el.getAttribute('itemprop') ?? '').split(/\s+/).includes('author')) return true;
  for (const w of nameWords(el)) if (BYLINE_WORDS.has(w)) return true;
  return ['p', 'div', 'span', 'address'].includes(el.localName) && text.length <= 150 && BY.test(text);
}

function isStandfirst(el: DomElement, meta: PageMeta): boolean {
  if (!['p', 'div', 'h2', 'h3', 'h4', 'span'].includes(el.localName)) return false;
  const text = textOf(el);
  // A live blog's standfirst is often a short list of bullet points.
  if (text.length < 20 || text.length > 800 || el.querySelector('figure, img, h1, ol, table, a') !== null) return false;
  const itemprop = (el.getAttribute('itemprop') ?? '').split(/\s+/);
  if (STANDFIRST_ITEMPROPS.some((p) => itemprop.includes(p))) return true;
  for (const w of nameWords(el)) if (STANDFIRST_WORDS.has(w)) return true;
  if (meta.description === null || similarity(text, meta.description) < 0.8) return false;
  // The page's description, shown apart from the body (a heading, in a header, not among body paragraphs).
  const siblings = el.parentElement
    ? Array.from(el.parentElement.children).filter((c) => c !== el && c.localName === 'p' && textOf(c).length >= BODY_PARAGRAPH_CHARS)
    : [];
  return /^h[2-4]$/.test(el.localName) || inside(el, new Set(['header'])) || siblings.length === 0;
}

/**
 * The byline block for a candidate. A row that also holds the date ("Le Monde | <time> • Mis à
 * jour le <time> | Par Martin Untersinger") gives the byline inside it; a byline found on a link
 * or a name (`<a rel=author>`) is the short block around it ("Helen Pidd North of England editor"),
 * short of a block with the date.
 */
function bylineBlock(found: DomElement, headline: DomElement | null): DomElement {
  let cur = found;
  if (cur.querySelector('time') !== null)
    cur = all(cur, '*').find((d) => d.querySelector('time') === null && d.localName !== 'time' && isByline(d)) ?? cur;
  while (!['p', 'div', 'address', 'li', 'section', 'header'].includes(cur.localName)) {
    const parent = cur.parentElement;
    if (
      !parent ||
      parent.localName === 'body' ||
      (headline && parent.contains(headline)) ||
      parent.querySelector('time') !== null ||
      bylineText(parent).length > 150
    )
      break;
    cur = parent;
  }
  return cur;
}

export interface Intro {
  standfirst: DomElement | null;
  byline: DomElement | null;
  /** The lead picture's figure (its caption is translated like any), between the headline and the body. */
  figure: DomElement | null;
}

/** The standfirst, byline and lead figure after the headline, before the body text begins. */
export function findIntro(doc: DomDocument, headline: DomElement | null, meta: PageMeta): Intro {
  const elements = all(doc.body, '*');
  let i = headline ? elements.indexOf(headline) + 1 : 0;
  if (!headline) {
    const root = doc.body.querySelector('[itemprop~="articlebody"], article, main, [role="main"]');
    i = root ? elements.indexOf(root) : 0;
  }
  const found: Intro = { standfirst: null, byline: null, figure: null };
  const taken = (el: DomElement) => [headline, found.standfirst, found.byline, found.figure].some((t) => t?.contains(el));
  // The lead picture comes before any body text or subheading.
  let bodySeen = false;
  for (let seen = 0; i < elements.length && seen < WINDOW_ELEMENTS; i++, seen++) {
    const el = elements[i]!;
    if (taken(el)) continue;
    if (!found.byline && isByline(el)) found.byline = bylineBlock(el, headline);
    else if (!found.standfirst && isStandfirst(el, meta)) found.standfirst = el;
    else if (!found.figure && !bodySeen && el.localName === 'figure' && el.querySelector('figcaption') !== null) found.figure = el;
    else if (el.localName === 'p' && textOf(el).length >= BODY_PARAGRAPH_CHARS) break;
    else if ((el.localName === 'p' && /\p{L}/u.test(textOf(el))) || /^h[2-6]$/.test(el.localName)) bodySeen = true;
  }
  return found;
}
