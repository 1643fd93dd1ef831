/**
 * DOM → paragraphs: headings, paragraphs, list items, quotes, captions, cells. Inline <a href>
 * (http/https/mailto only), <b>/<strong>, <i>/<em>, <code> and <br> become protected tokens
 * (shared/inline); no other markup or attribute survives, so nothing imported can ever run.
 *
 * A block becomes a paragraph only if it holds a letter or a digit (never breaks, icons, chips
 * around nothing, invisible characters), is not page furniture by its whole text
 * (boilerplate.ts), and is not a "Read more: <link>" teaser. Captions lose their photo credit.
 */
import {
  closeToken,
  compactCodes,
  MAX_CODES,
  openToken,
  soloToken,
  tokenInfo,
  type InlineCode,
} from '../../../../shared/inline/inlineCodes.js';
import { renderPlainText, safeHref } from '../../../../shared/inline/renderInline.js';
import { hasWords, isInvisible } from '../../../../shared/import/visibleText.js';
import type { ImportedSegment } from '../../../../shared/import/importedDocument.js';
import type { BlockKind } from '../../../../shared/types.js';
import { isBoilerplate, isRelatedLead } from './boilerplate.js';
import { creditStart } from '../../../../shared/import/photoCredits.js';
import { hasDescendant, isElement, isText, type DomElement, type DomNode } from './dom.js';

/** Never text of a paragraph (most never reach here: buildDom leaves them out). */
const SKIP = new Set([
  'head',
  'title',
  'meta',
  'script',
  'style',
  'noscript',
  'template',
  'img',
  'picture',
  'hr',
  'svg',
  'video',
  'audio',
  'iframe',
  'button',
  'input',
  'select',
  'textarea',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Blocks whose content is one paragraph of inline text (unless they hold further blocks). */
const TEXT_BLOCKS = new Set(['p', 'figcaption', 'caption', 'dt', 'dd', 'td', 'th', 'summary', 'address', 'legend']);
/** Elements that start a new block (anything else is inline). */
const BLOCKS = new Set([
  ...HEADINGS,
  ...TEXT_BLOCKS,
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'figure',
  'blockquote',
  'ul',
  'ol',
  'li',
  'pre',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'dl',
  'details',
  'hgroup',
  'center',
  'body',
  'html',
  'hr',
  'fieldset',
  'form',
]);
/** Blocks that may sit inside an inline element (a <body> or <html> there is no block). */
const INNER_BLOCKS = new Set([...BLOCKS].filter((t) => t !== 'body' && t !== 'html'));

export interface ReadOptions {
  /** Languages of the page, for the furniture labels. */
  langs: readonly string[];
  /** Where the page lives, to make its relative links absolute; null: relative links are no chips. */
  baseUrl: string | null;
  /** Keep a block that is only a short link (a byline naming its writer with a link to their page). */
  keepLinkLabels?: boolean;
}

/**
 * A link's target: absolute http(s)/mailto, or relative to the page's address. A link that goes
 * nowhere Verso can keep (an anchor on the page, `javascript:`) gets '' and no chip, but is still
 * known as a link while its block is judged (a row of skip links, a section label).
 */
function linkTarget(href: string | null, baseUrl: string | null): string {
  const raw = (href ?? '').trim();
  const absolute = safeHref(raw);
  if (absolute) return absolute;
  if (!baseUrl || raw === '' || raw.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(raw)) return '';
  try {
    return safeHref(new URL(raw, baseUrl).href) ?? '';
  } catch {
    return '';
  }
}

interface Walk extends ReadOptions {
  out: ImportedSegment[];
  /** Kind of text blocks here ('quote' inside a blockquote). */
  kind: BlockKind;
  /** Inside a figure: text blocks are captions (their credit is cut). */
  caption: boolean;
}

/** Inline elements that become tokens, and their code. */
function inlineCode(el: DomElement, baseUrl: string | null): InlineCode | null {
  switch (el.localName) {
    case 'b':
    case 'strong':
      return { type: 'bold' };
    case 'i':
    case 'em':
      return { type: 'italic' };
    case 'a':
      return { type: 'link', href: linkTarget(el.getAttribute('href'), baseUrl) };
    default:
      return null;
  }
}

/** A <br> as a standalone token (codes collected in `codes`), or a newline past the limit. */
function lineBreak(codes: InlineCode[]): string {
  if (codes.length >= MAX_CODES) return '\n';
  codes.push({ type: 'break' });
  return soloToken(codes.length - 1);
}

function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ');
}

/** Text with <br> as newlines (for <pre> and <code>). */
function rawText(node: DomNode): string {
  let out = '';
  for (const child of Array.from(node.childNodes)) {
    if (isText(child)) out += child.data;
    else if (isElement(child) && !SKIP.has(child.localName)) out += child.localName === 'br' ? '\n' : rawText(child);
  }
  return out;
}

/** Visible text of inline content with tokens for its markup (codes pushed to `codes`). */
/** Formatting that may split a word ("<b>Wash</b>ington"); other inline elements side by side are separate words. */
const WORD_PARTS = new Set(['b', 'strong', 'i', 'em', 'u', 's', 'sup', 'sub', 'mark', 'small', 'abbr', 'code']);

/**
 * Two inline elements side by side with no space between them (a kicker and a title, a source
 * and a date, each styled as its own box): a space keeps their words apart ("Bayern Die", not "BayernDie").
 */
function gapBetween(out: string, prev: DomNode | null, next: DomElement): string {
  if (!prev || !isElement(prev) || WORD_PARTS.has(prev.localName) || WORD_PARTS.has(next.localName)) return '';
  const before = out.replace(/[\uE000-\uE2FF]+$/u, '');
  const after = (next.textContent ?? '').trimStart();
  return /[\p{L}\p{N}.,;:!?)]$/u.test(before) && /^[\p{Lu}\p{N}(]/u.test(after) ? ' ' : '';
}

function inlineText(nodes: ArrayLike<DomNode>, codes: InlineCode[], baseUrl: string | null): string {
  let out = '';
  let prev: DomNode | null = null;
  for (const child of Array.from(nodes)) {
    const before = prev;
    prev = child;
    if (isText(child)) out += collapse(child.data);
    else if (isElement(child)) {
      const tag = child.localName;
      if (SKIP.has(tag)) continue;
      out += gapBetween(out, before, child);
      if (tag === 'br') out += lineBreak(codes);
      else if (tag === 'code' && codes.length < MAX_CODES) {
        const text = rawText(child).replace(/\s+/g, ' ');
        if (isInvisible(text)) continue;
        codes.push({ type: 'code', text });
        out += soloToken(codes.length - 1);
      } else {
        const code = codes.length < MAX_CODES ? inlineCode(child, baseUrl) : null;
        // Blocks met inside inline content (a list item's own text) are words apart.
        const gap = BLOCKS.has(tag) ? ' ' : '';
        if (!code) {
          out += gap + inlineText(child.childNodes, codes, baseUrl) + gap;
          continue;
        }
        codes.push(code);
        const i = codes.length - 1;
        out += gap + openToken(i) + inlineText(child.childNodes, codes, baseUrl) + closeToken(i) + gap;
      }
    }
  }
  return out;
}

function tidy(text: string): string {
  return (
    text
      // Spaces just inside a tag belong outside it ("<b>word </b>next" → "word next").
      .replace(/([\uE000-\uE0FF]+)( +)/g, '$2$1')
      .replace(/( +)([\uE100-\uE1FF]+)/g, '$2$1')
      .split('\n')
      .map((l) => l.replace(/ {2,}/g, ' ').trim())
      .filter((l, i, all) => l !== '' || (i > 0 && i < all.length - 1 && all[i - 1] !== ''))
      .join('\n')
      .trim()
  );
}

/** Formatting pairs around nothing (an icon's link, an empty <b>) are dropped. */
function dropEmptyPairs(text: string): string {
  let prev;
  do {
    prev = text;
    text = text.replace(/([\uE000-\uE0FF])([\s\p{Cf}]*)([\uE100-\uE1FF])/gu, (m, open: string, inner: string, close: string) =>
      open.charCodeAt(0) - 0xe000 === close.charCodeAt(0) - 0xe100 ? (inner === '' ? '' : ' ') : m,
    );
  } while (text !== prev);
  return text.replace(/ {2,}/g, ' ').trim();
}

/** Line breaks before the first or after the last visible character go (with the space around them). */
function trimBreaks(text: string, codes: readonly InlineCode[]): string {
  const chars = [...text];
  const isBreak = (ch: string) => {
    const t = tokenInfo(ch);
    return (t?.role === 'solo' && codes[t.index]?.type === 'break') || ch === '\n';
  };
  const visible = (ch: string) => !isBreak(ch) && !isInvisible(ch) && tokenInfo(ch) === null;
  const first = chars.findIndex(visible);
  if (first < 0) return text;
  let last = chars.length - 1;
  while (last > first && !visible(chars[last]!)) last--;
  return chars
    .filter((ch, i) => (i >= first && i <= last) || !isBreak(ch))
    .join('')
    .trim();
}

/** Cuts a caption's photo credit (a cut link or emphasis is dropped by compactCodes). */
function cutCredit(text: string): string {
  const plainIndex: number[] = [];
  let plain = '';
  [...text].forEach((ch, i) => {
    if (tokenInfo(ch) !== null) return;
    plainIndex.push(i);
    plain += ch;
  });
  const at = creditStart(plain);
  if (at < 0) return text;
  const chars = [...text];
  return chars
    .slice(0, plainIndex[at] ?? chars.length)
    .join('')
    .replace(/[\s|/–—-]+$/u, '');
}

/** "Read more: <link to another story>" and its kin. */
function isTeaser(text: string, codes: readonly InlineCode[], langs: readonly string[]): boolean {
  const first = codes.findIndex((c) => c.type === 'link');
  if (first < 0) return false;
  const open = text.indexOf(openToken(first));
  const close = text.indexOf(closeToken(first));
  const after = renderPlainText(text.slice(close + 1), codes).trim();
  return open > 0 && (after === '' || after === '.') && isRelatedLead(renderPlainText(text.slice(0, open), codes), langs);
}

/**
 * A block whose text is all inside links, briefly: a section label ("New York"), skip links, a
 * row of navigation, "Follow this journalist on Twitter". A paragraph that is one link of more
 * than eight words, or a sentence ending in a full stop, stays.
 */
function isLinkLabel(text: string, codes: readonly InlineCode[]): boolean {
  const links = codes.filter((c) => c.type === 'link').length;
  if (links === 0) return false;
  let depth = 0;
  let outside = '';
  for (const ch of text) {
    const t = tokenInfo(ch);
    if (t && codes[t.index]?.type === 'link') depth += t.role === 'open' ? 1 : t.role === 'close' ? -1 : 0;
    else if (!t && depth === 0) outside += ch;
  }
  if (/[\p{L}\p{N}]/u.test(outside)) return false;
  const words = renderPlainText(text, codes)
    .split(/\s+/)
    .filter((x) => /[\p{L}\p{N}]/u.test(x)).length;
  return links === 1 ? words <= 8 && !/[.!?…]["”’»]?$/u.test(renderPlainText(text, codes).trim()) : words <= 12;
}

function withoutCodes(text: string, codes: readonly InlineCode[], drop: (code: InlineCode) => boolean): string {
  return [...text]
    .filter((ch) => {
      const t = tokenInfo(ch);
      return !t || !drop(codes[t.index]!);
    })
    .join('');
}

/** Two line breaks in a row (old CMS copy: "text<br><br>text") end a paragraph, as Readability reads them too. */
function splitAtBlankLines(text: string, codes: readonly InlineCode[]): string[] {
  const breaks = codes.flatMap((c, i) => (c.type === 'break' ? [soloToken(i)] : []));
  if (breaks.length < 2) return [text];
  const one = `(?:${breaks.join('|')}|\n)`;
  return text.split(new RegExp(`${one}\\s*(?:${one}\\s*)+`, 'u'));
}

function emit(w: Walk, kind: BlockKind, marker: string | null, raw: string, rawCodes: InlineCode[]): void {
  const parts = kind === 'heading' ? [raw] : splitAtBlankLines(raw, rawCodes);
  for (const part of parts) emitOne(w, kind, marker, part, rawCodes);
}

function emitOne(w: Walk, kind: BlockKind, marker: string | null, raw: string, rawCodes: InlineCode[]): void {
  let t = dropEmptyPairs(trimBreaks(tidy(raw), rawCodes));
  if (w.caption) t = cutCredit(t);
  const { text, codes } = compactCodes(t.trim(), rawCodes);
  const plain = renderPlainText(text, codes);
  // Nothing to translate without a letter: breaks, icons, counts ("423"), separators ("* * *").
  if (!/\p{L}/u.test(plain)) return;
  if (isBoilerplate(plain, w.langs) || isTeaser(text, codes, w.langs) || (!w.keepLinkLabels && isLinkLabel(text, codes))) return;
  // Links that go nowhere Verso can keep were marked only to judge the block: their text stays, without a chip.
  const kept = compactCodes(
    withoutCodes(text, codes, (c) => c.type === 'link' && c.href === ''),
    codes,
  );
  w.out.push(
    kept.codes.length > 0
      ? { kind, marker, text: kept.text, codes: kept.codes, target: null }
      : { kind, marker, text: kept.text, target: null },
  );
}

/** A picture's caption outside a <figure> (`<p class="caption">`, WordPress's `wp-caption-text`). */
function isCaption(el: DomElement): boolean {
  return /(?:^|[\s_-])(?:caption|captiontext|caption-text|wp-caption-text|image-caption|photo-caption)(?:$|[\s_-])/i.test(
    el.getAttribute('class') ?? '',
  );
}

function hasBlockChild(el: DomElement): boolean {
  return Array.from(el.children).some((c) => BLOCKS.has(c.localName));
}

/** An inline element that wraps blocks (a card's link, Google Docs' outer <b>) is read as a container. */
function wrapsBlocks(el: DomElement): boolean {
  return hasDescendant(el, INNER_BLOCKS);
}

function walk(node: DomElement, w: Walk, list: { ordered: boolean; next: number } | null = null): void {
  let loose = '';
  let looseCodes: InlineCode[] = [];
  const flush = (): void => {
    emit(w, w.kind, null, loose, looseCodes);
    loose = '';
    looseCodes = [];
  };
  let prev: DomNode | null = null;
  for (const child of Array.from(node.childNodes)) {
    const before = prev;
    prev = child;
    if (isText(child)) {
      loose += collapse(child.data);
      continue;
    }
    if (!isElement(child)) continue;
    const tag = child.localName;
    if (SKIP.has(tag)) continue;
    if (tag === 'br') {
      loose += lineBreak(looseCodes);
      continue;
    }
    if (!BLOCKS.has(tag) && !wrapsBlocks(child)) {
      loose += gapBetween(loose, before, child) + inlineText([child], looseCodes, w.baseUrl);
      continue;
    }
    flush();
    block(child, w, list);
  }
  flush();
}

function block(el: DomElement, w: Walk, list: { ordered: boolean; next: number } | null): void {
  const tag = el.localName;
  const codes: InlineCode[] = [];
  if (HEADINGS.has(tag)) emit(w, 'heading', tag.slice(1), inlineText(el.childNodes, codes, w.baseUrl), codes);
  else if (tag === 'pre') {
    const text = rawText(el).replace(/^\n/, '').replace(/\s+$/, '');
    if (hasWords(text)) w.out.push({ kind: w.kind, marker: null, text, target: null });
  } else if (tag === 'blockquote') walk(el, { ...w, kind: 'quote' });
  else if (tag === 'figure' || isCaption(el)) walk(el, { ...w, caption: true });
  else if (tag === 'ul' || tag === 'ol') {
    const start = Number.parseInt(el.getAttribute('start') ?? '1', 10);
    walk(el, w, { ordered: tag === 'ol', next: Number.isFinite(start) ? start : 1 });
  } else if (tag === 'li') {
    const marker = list?.ordered ? `${list.next++}.` : null;
    if (hasBlockChild(el)) {
      // The item's own text, then its nested lists and blocks.
      const own = Array.from(el.childNodes).filter((c) => !(isElement(c) && BLOCKS.has(c.localName)));
      emit(w, 'list-item', marker, inlineText(own, codes, w.baseUrl), codes);
      for (const c of Array.from(el.children)) if (BLOCKS.has(c.localName)) block(c, w, null);
    } else emit(w, 'list-item', marker, inlineText(el.childNodes, codes, w.baseUrl), codes);
  } else {
    const here = tag === 'figcaption' ? { ...w, caption: true } : w;
    if (TEXT_BLOCKS.has(tag) && !hasBlockChild(el)) emit(here, here.kind, null, inlineText(el.childNodes, codes, w.baseUrl), codes);
    else walk(el, here);
  }
}

/** The paragraphs of `root` (an element, or a lone block such as a headline). */
export function readBlocks(root: DomElement, options: ReadOptions): ImportedSegment[] {
  const w: Walk = { ...options, out: [], kind: 'paragraph', caption: false };
  if (BLOCKS.has(root.localName)) block(root, w, null);
  else walk(root, w);
  return w.out;
}
