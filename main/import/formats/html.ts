/**
 * An HTML page (saved from a CMS, or pasted) → paragraphs: the headline first (a heading; it is
 * also the document's title), then the standfirst and byline, then the body.
 *
 * 'article' (the default) takes the body Mozilla's Readability (Firefox Reader View) finds;
 * 'page' takes everything the page shows. Both run on the same cleaned DOM (buildDom.ts: parse5
 * into linkedom, nothing runs; clutter.ts: hidden elements, navigation, ads, share bars,
 * newsletters, comments, related lists, credits) and read it with the same block reader
 * (blocks.ts: inline links and emphasis as tokens, furniture labels and empty blocks dropped).
 */
import { Readability } from '@mozilla/readability';
import type { HtmlExtract, ImportedSegment, ParsedImport } from '../../../shared/import/importedDocument.js';
import { renderPlainText } from '../../../shared/inline/renderInline.js';
import { readBlocks, type ReadOptions } from './html/blocks.js';
import { languagesFor } from './html/boilerplate.js';
import { buildDom } from './html/buildDom.js';
import { removeClutter, removeHidden } from './html/clutter.js';
import { all, isElement, textOf, type DomDocument, type DomElement } from './html/dom.js';
import { findHeadline, findIntro, type Headline } from './html/headline.js';
import { readPageMeta } from './html/pageMeta.js';

/** Past this many elements Readability is not run (its scoring is quadratic in places); the article root is read instead. */
const READABILITY_MAX_ELEMENTS = 30_000;
/**
 * Readability copies the page through innerHTML, and linkedom re-reads every escaped character
 * (`&lt;`, `&amp;`…) as a text node of its own: past this many `<`, `>` and `&` in the text, the
 * article root is read instead (a page of 200,000 `<` took 4 s; an article has a few dozen).
 */
const READABILITY_MAX_ESCAPES = 5_000;

/**
 * Readability's scoring walks each candidate's ancestors and re-reads their text: its work grows
 * with the depth of every element, summed. Past this (30,000 elements 40 deep), it is not run.
 */
const READABILITY_MAX_DEPTH_SUM = 1_200_000;

/** The depths of every element of the body, summed (stops past the limit). */
function depthSum(body: DomElement, limit: number): number {
  let sum = 0;
  const stack: [DomElement, number][] = [[body, 0]];
  while (stack.length > 0 && sum <= limit) {
    const [el, depth] = stack.pop()!;
    sum += depth;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
  }
  return sum;
}

/** `<`, `>` and `&` in the text, counted up to just past the limit. */
function escapesIn(text: string, limit: number): number {
  let escapes = 0;
  for (const c of ['<', '>', '&']) for (let i = text.indexOf(c); i >= 0 && escapes <= limit; i = text.indexOf(c, i + 1)) escapes++;
  return escapes;
}

/** Whether Readability can run on the page in reasonable time. */
function readabilityCanRun(doc: DomDocument): boolean {
  if (doc.body.querySelectorAll('*').length > READABILITY_MAX_ELEMENTS) return false;
  if (escapesIn(doc.body.textContent ?? '', READABILITY_MAX_ESCAPES) > READABILITY_MAX_ESCAPES) return false;
  return depthSum(doc.body, READABILITY_MAX_DEPTH_SUM) <= READABILITY_MAX_DEPTH_SUM;
}

export interface HtmlOptions {
  extract?: HtmlExtract;
}

interface Prepared {
  doc: DomDocument;
  read: ReadOptions;
  /** Headline, standfirst and byline, as paragraphs, in that order of importance and page order. */
  lead: ImportedSegment[];
  title: string | null;
}

const plain = (s: ImportedSegment) =>
  renderPlainText(s.text, s.codes ?? [])
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** The headline as a level-1 heading (from its element, keeping its links and emphasis, or from the declared title). */
function headlineSegment(headline: Headline, read: ReadOptions): ImportedSegment {
  const [first] = headline.element ? readBlocks(headline.element, read) : [];
  if (first) return { ...first, kind: 'heading', marker: '1' };
  return { kind: 'heading', marker: '1', text: headline.text, target: null };
}

/** Standfirst, byline and lead caption are paragraphs; a byline loses the separators its date left ("Madrid -"). */
function introSegment(s: ImportedSegment, isByline: boolean): ImportedSegment {
  const text = isByline ? s.text.replace(/^[\s\-–—|·•,:;/]+|[\s\-–—|·•,:;/]+$/gu, '') : s.text;
  return { ...s, text, kind: s.kind === 'heading' ? 'paragraph' : s.kind, marker: s.kind === 'heading' ? null : s.marker };
}

function position(doc: DomDocument, el: DomElement): number {
  return all(doc.body, '*').indexOf(el);
}

/**
 * What comes before the headline outside the page's main region (<main>, <article>, articleBody)
 * is the site's chrome: banners, skip links, navigation, "Support us" boxes.
 */
function removeChromeBefore(doc: DomDocument, headline: DomElement): void {
  const region = 'main, article, [role="main"], [itemprop~="articlebody"]';
  if (headline.closest(region) === null && doc.body.querySelector(region) === null) return removeBefore(doc, headline, () => true);
  removeBefore(doc, headline, (el) => el.closest(region) === null && el.querySelector(region) === null);
}

function removeBefore(doc: DomDocument, headline: DomElement, removable: (el: DomElement) => boolean): void {
  for (const el of all(doc.body, '*')) {
    if (el === headline) return;
    if (el.isConnected && !el.contains(headline) && removable(el)) el.remove();
  }
}

/** Builds and cleans the DOM and takes the headline, standfirst and byline out of it. */
function prepare(html: string): Prepared {
  const doc = buildDom(html);
  const meta = readPageMeta(doc);
  const langs = languagesFor(meta.lang);
  const read: ReadOptions = { langs, baseUrl: meta.baseUrl };
  removeHidden(doc);
  removeClutter(doc, { langs, phase: 'early' });
  const headline = findHeadline(doc, meta);
  if (headline?.element) removeChromeBefore(doc, headline.element);
  const { standfirst, byline, figure } = findIntro(doc, headline?.element ?? null, meta);
  const intro = [standfirst, byline, figure]
    .filter((el): el is DomElement => el !== null)
    .sort((a, b) => position(doc, a) - position(doc, b));
  if (byline) for (const time of all(byline, 'time')) time.remove();
  const lead = [
    ...(headline ? [headlineSegment(headline, read)] : []),
    ...intro.flatMap((el) =>
      readBlocks(el, el === byline ? { ...read, keepLinkLabels: true } : read).map((s) => introSegment(s, el === byline)),
    ),
  ];
  for (const el of [headline?.element ?? null, ...intro]) el?.remove();
  removeClutter(doc, { langs, phase: 'late' });
  return { doc, read, lead, title: lead[0] && headline ? renderPlainText(lead[0].text, lead[0].codes ?? []) : null };
}

/** The element most likely to hold the article when Readability cannot tell: articleBody, <article>, <main>, else <body>. */
function articleRoot(doc: DomDocument): DomElement {
  for (const selector of ['[itemprop~="articlebody"]', 'article', 'main, [role="main"]']) {
    const found = all(doc.body, selector);
    if (found.length > 0) return found.reduce((a, b) => (textOf(b).length > textOf(a).length ? b : a));
  }
  return doc.body;
}

/** The article body by Readability, or null when it finds none (or cannot run on the page). */
function readabilityBody(doc: DomDocument, read: ReadOptions): ImportedSegment[] | null {
  // The byline is taken already. Readability removes the first "byline"-like element it meets
  // when the page declares no author, which can be a dateline inside the first paragraph.
  const author = doc.createElement('meta');
  author.setAttribute('name', 'author');
  author.setAttribute('content', 'byline read by Verso');
  doc.head.appendChild(author);
  let content: unknown;
  try {
    content = new Readability(doc as never, { keepClasses: true, serializer: (el: unknown) => el }).parse()?.content;
  } catch {
    return null;
  }
  if (!content || typeof content !== 'object' || !isElement(content as DomElement)) return null;
  const body = readBlocks(content as DomElement, read);
  return body.length > 0 ? body : null;
}

/** Leaves out body paragraphs that repeat the headline, standfirst or byline (a print headline, an author box). */
function dedupe(lead: ImportedSegment[], body: ImportedSegment[]): ImportedSegment[] {
  const seen = new Set(lead.map(plain));
  return [...lead, ...body.filter((s) => !seen.has(plain(s)))];
}

export function parseHtml(text: string, options: HtmlOptions = {}): ParsedImport {
  let prepared = prepare(text);
  let body: ImportedSegment[] | null = null;
  // A page too large for Readability is read as it is (no second build of the same page).
  if ((options.extract ?? 'article') === 'article' && readabilityCanRun(prepared.doc)) {
    body = readabilityBody(prepared.doc, prepared.read);
    // Readability changed the DOM; the fallback reads a fresh one.
    if (body === null) prepared = prepare(text);
  }
  body ??= readBlocks(options.extract === 'page' ? prepared.doc.body : articleRoot(prepared.doc), prepared.read);
  const segments = dedupe(prepared.lead, body);
  return {
    format: 'html',
    segments,
    encoding: null,
    sourceLang: null,
    targetLang: null,
    title: prepared.title,
    extract: options.extract ?? 'article',
  };
}
