/**
 * The article body of an HTML page (e.g. saved from the CMS) with parse5: headings, paragraphs,
 * list items, quotes, captions. Scripts, styles, forms, navigation, asides and footers are dropped.
 * Inline <a href> (http/https/mailto only), <b>/<strong>, <i>/<em>, <code> and <br> become protected
 * tokens (shared/inline); no other markup or attribute survives, so nothing imported can ever run.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { closeToken, compactCodes, MAX_CODES, openToken, soloToken, type InlineCode } from '../../../shared/inline/inlineCodes.js';
import { safeHref } from '../../../shared/inline/renderInline.js';
import type { BlockKind } from '../../../shared/types.js';
import type { ImportedSegment, ParsedImport } from '../../../shared/import/importedDocument.js';
import { ServiceError } from '../../services/serviceError.js';
import { IMPORT_LIMITS } from '../limits.js';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;
type Element = DefaultTreeAdapterTypes.Element;

/** Never part of an article's text. */
const DROP = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'nav', 'aside', 'form', 'button',
  'select', 'textarea', 'input', 'svg', 'math', 'canvas', 'video', 'audio', 'head', 'footer', 'menu', 'dialog',
  'link', 'meta', 'img', 'picture', 'source', 'track', 'map', 'area', 'frame', 'frameset', 'applet',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Blocks whose content is one paragraph of inline text (unless they hold further blocks). */
const TEXT_BLOCKS = new Set(['p', 'figcaption', 'caption', 'dt', 'dd', 'td', 'th', 'summary', 'address', 'legend']);
/** Elements that start a new block (anything else is inline). */
const BLOCKS = new Set([
  ...HEADINGS, ...TEXT_BLOCKS, 'div', 'section', 'article', 'main', 'header', 'figure', 'blockquote', 'ul', 'ol',
  'li', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'dl', 'details', 'hgroup', 'center', 'body', 'html',
  'hr', 'fieldset',
]);

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function attrOf(el: Element, name: string): string | null {
  return el.attrs.find((a) => a.name === name)?.value ?? null;
}

function hidden(el: Element): boolean {
  return attrOf(el, 'hidden') !== null || attrOf(el, 'aria-hidden') === 'true';
}

function children(node: Node): DefaultTreeAdapterTypes.ChildNode[] {
  return 'childNodes' in node ? node.childNodes : [];
}

function tooDeep(): ServiceError {
  return new ServiceError('IMPORT_TOO_COMPLEX', `The page nests elements deeper than ${IMPORT_LIMITS.xmlDepth} levels.`, {
    limit: IMPORT_LIMITS.xmlDepth,
    what: 'depth',
  });
}

/** Inline elements that become tokens, and their code. */
function inlineCode(el: Element): InlineCode | null {
  switch (el.tagName) {
    case 'b':
    case 'strong':
      return { type: 'bold' };
    case 'i':
    case 'em':
      return { type: 'italic' };
    case 'a': {
      const href = safeHref(attrOf(el, 'href') ?? '');
      return href ? { type: 'link', href } : null;
    }
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

/** Visible text of inline content with tokens for its markup (codes pushed to `codes`): whitespace collapsed. */
function inlineText(node: Node, depth: number, codes: InlineCode[]): string {
  if (depth > IMPORT_LIMITS.xmlDepth) throw tooDeep();
  let out = '';
  for (const child of children(node)) {
    if (child.nodeName === '#text') out += (child as DefaultTreeAdapterTypes.TextNode).value.replace(/[ \t\n\r\f]+/g, ' ').replace(/[\uE000-\uE2FF]/g, '');
    else if (isElement(child)) {
      if (DROP.has(child.tagName) || hidden(child)) continue;
      if (child.tagName === 'br') out += lineBreak(codes);
      else if (child.tagName === 'code' && codes.length < MAX_CODES) {
        const text = rawText(child).replace(/\s+/g, ' ');
        if (text.trim() === '') continue;
        codes.push({ type: 'code', text });
        out += soloToken(codes.length - 1);
      } else {
        const code = codes.length < MAX_CODES ? inlineCode(child) : null;
        if (!code) {
          out += inlineText(child, depth + 1, codes);
          continue;
        }
        codes.push(code);
        const i = codes.length - 1;
        out += openToken(i) + inlineText(child, depth + 1, codes) + closeToken(i);
      }
    }
  }
  return out;
}

function tidy(text: string): string {
  return text
    // Spaces just inside a tag belong outside it ("<b>word </b>next" → "word next").
    .replace(/([\uE000-\uE0FF]+)( +)/g, '$2$1')
    .replace(/( +)([\uE100-\uE1FF]+)/g, '$2$1')
    .split('\n')
    .map((l) => l.replace(/ {2,}/g, ' ').trim())
    .filter((l, i, all) => l !== '' || (i > 0 && i < all.length - 1 && all[i - 1] !== ''))
    .join('\n')
    .trim();
}

function rawText(node: Node): string {
  let out = '';
  for (const child of children(node)) {
    if (child.nodeName === '#text') out += (child as DefaultTreeAdapterTypes.TextNode).value.replace(/[\uE000-\uE2FF]/g, '');
    else if (isElement(child) && !DROP.has(child.tagName)) out += child.tagName === 'br' ? '\n' : rawText(child);
  }
  return out;
}

function hasBlockChild(el: Element): boolean {
  return children(el).some((c) => isElement(c) && BLOCKS.has(c.tagName) && !DROP.has(c.tagName));
}

interface Walk {
  out: ImportedSegment[];
  /** Kind of text blocks here ('quote' inside a blockquote). */
  kind: BlockKind;
  dropHeader: boolean;
}

function emit(w: Walk, kind: BlockKind, marker: string | null, text: string, codes: InlineCode[]): void {
  const { text: t, codes: used } = compactCodes(tidy(text), codes);
  if (t.replace(/[\uE000-\uE1FF]/g, '').trim() === '') return;
  w.out.push(used.length > 0 ? { kind, marker, text: t, codes: used, target: null } : { kind, marker, text: t, target: null });
}

function walk(node: Node, w: Walk, depth: number, list: { ordered: boolean; next: number } | null = null): void {
  if (depth > IMPORT_LIMITS.xmlDepth) throw tooDeep();
  let loose = '';
  let looseCodes: InlineCode[] = [];
  const flush = (): void => {
    emit(w, w.kind, null, loose, looseCodes);
    loose = '';
    looseCodes = [];
  };
  for (const child of children(node)) {
    if (child.nodeName === '#text') {
      loose += (child as DefaultTreeAdapterTypes.TextNode).value.replace(/[ \t\n\r\f]+/g, ' ');
      continue;
    }
    if (!isElement(child)) continue;
    const tag = child.tagName;
    if (DROP.has(tag) || hidden(child) || (tag === 'header' && w.dropHeader)) continue;
    if (tag === 'br') {
      loose += lineBreak(looseCodes);
      continue;
    }
    if (!BLOCKS.has(tag)) {
      // An inline element at block level: wrap it as its parent would.
      loose += inlineText({ ...node, childNodes: [child] } as Element, depth, looseCodes);
      continue;
    }
    flush();
    if (HEADINGS.has(tag)) {
      const codes: InlineCode[] = [];
      emit(w, 'heading', tag.slice(1), inlineText(child, depth + 1, codes), codes);
    }
    else if (tag === 'pre') {
      const text = rawText(child).replace(/^\n/, '').replace(/\s+$/, '');
      if (text.trim() !== '') w.out.push({ kind: w.kind, marker: null, text, target: null });
    } else if (tag === 'blockquote') walk(child, { ...w, kind: 'quote' }, depth + 1);
    else if (tag === 'ul' || tag === 'ol') {
      const start = Number.parseInt(attrOf(child, 'start') ?? '1', 10);
      walk(child, w, depth + 1, { ordered: tag === 'ol', next: Number.isFinite(start) ? start : 1 });
    } else if (tag === 'li') {
      const marker = list?.ordered ? `${list.next++}.` : null;
      const codes: InlineCode[] = [];
      if (hasBlockChild(child)) {
        // The item's own text, then its nested lists and blocks.
        const own = inlineText({ ...child, childNodes: children(child).filter((c) => !(isElement(c) && BLOCKS.has(c.tagName))) }, depth + 1, codes);
        emit(w, 'list-item', marker, own, codes);
        walk({ ...child, childNodes: children(child).filter((c) => isElement(c) && BLOCKS.has(c.tagName)) }, w, depth + 1);
      } else emit(w, 'list-item', marker, inlineText(child, depth + 1, codes), codes);
    } else if (TEXT_BLOCKS.has(tag) && !hasBlockChild(child)) {
      const codes: InlineCode[] = [];
      emit(w, w.kind, null, inlineText(child, depth + 1, codes), codes);
    }
    else walk(child, w, depth + 1);
  }
  flush();
}

function findAll(node: Node, test: (el: Element) => boolean, found: Element[] = [], depth = 0): Element[] {
  if (depth > IMPORT_LIMITS.xmlDepth) throw tooDeep();
  for (const child of children(node)) {
    if (!isElement(child)) continue;
    if (test(child)) found.push(child);
    findAll(child, test, found, depth + 1);
  }
  return found;
}

function textLength(el: Element): number {
  return inlineText(el, 0, []).replace(/[\s\uE000-\uE2FF]+/g, '').length;
}

/** The element holding the article: schema.org articleBody, <article>, <main>, role=main, else <body>. */
function articleRoot(doc: DefaultTreeAdapterTypes.Document): { root: Node; isBody: boolean } {
  const candidates = [
    (el: Element) => attrOf(el, 'itemprop') === 'articleBody',
    (el: Element) => el.tagName === 'article',
    (el: Element) => el.tagName === 'main' || attrOf(el, 'role') === 'main',
  ];
  for (const test of candidates) {
    const found = findAll(doc, test);
    if (found.length > 0) {
      const best = found.reduce((a, b) => (textLength(b) > textLength(a) ? b : a));
      return { root: best, isBody: false };
    }
  }
  const body = findAll(doc, (el) => el.tagName === 'body')[0];
  return { root: body ?? doc, isBody: true };
}

export function parseHtml(text: string): ParsedImport {
  const doc = parse(text);
  const { root, isBody } = articleRoot(doc);
  const out: ImportedSegment[] = [];
  walk(root, { out, kind: 'paragraph', dropHeader: isBody }, 0);
  const titleEl = findAll(doc, (el) => el.tagName === 'title')[0];
  const title = titleEl ? tidy(rawText(titleEl).replace(/\s+/g, ' ')) : '';
  return { format: 'html', segments: out, encoding: null, sourceLang: null, targetLang: null, title: title === '' ? null : title };
}
