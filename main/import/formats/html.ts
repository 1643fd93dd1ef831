/**
 * The article body of an HTML page (e.g. saved from the CMS) with parse5: headings, paragraphs,
 * list items, quotes, captions. Scripts, styles, forms, navigation, asides and footers are dropped,
 * and no markup or attribute survives (only text), so nothing imported can ever run when shown.
 */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
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

/** Visible text of inline content: whitespace collapsed, <br> kept as a line break. */
function inlineText(node: Node, depth: number): string {
  if (depth > IMPORT_LIMITS.xmlDepth) throw tooDeep();
  let out = '';
  for (const child of children(node)) {
    if (child.nodeName === '#text') out += (child as DefaultTreeAdapterTypes.TextNode).value.replace(/[ \t\n\r\f]+/g, ' ');
    else if (isElement(child)) {
      if (DROP.has(child.tagName) || hidden(child)) continue;
      if (child.tagName === 'br') out += '\n';
      else out += inlineText(child, depth + 1);
    }
  }
  return out;
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/ {2,}/g, ' ').trim())
    .filter((l, i, all) => l !== '' || (i > 0 && i < all.length - 1 && all[i - 1] !== ''))
    .join('\n')
    .trim();
}

function rawText(node: Node): string {
  let out = '';
  for (const child of children(node)) {
    if (child.nodeName === '#text') out += (child as DefaultTreeAdapterTypes.TextNode).value;
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

function emit(w: Walk, kind: BlockKind, marker: string | null, text: string): void {
  const t = tidy(text);
  if (t !== '') w.out.push({ kind, marker, text: t, target: null });
}

function walk(node: Node, w: Walk, depth: number, list: { ordered: boolean; next: number } | null = null): void {
  if (depth > IMPORT_LIMITS.xmlDepth) throw tooDeep();
  let loose = '';
  const flush = (): void => {
    emit(w, w.kind, null, loose);
    loose = '';
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
      loose += '\n';
      continue;
    }
    if (!BLOCKS.has(tag)) {
      loose += inlineText(child, depth + 1);
      continue;
    }
    flush();
    if (HEADINGS.has(tag)) emit(w, 'heading', tag.slice(1), inlineText(child, depth + 1));
    else if (tag === 'pre') {
      const text = rawText(child).replace(/^\n/, '').replace(/\s+$/, '');
      if (text.trim() !== '') w.out.push({ kind: w.kind, marker: null, text, target: null });
    } else if (tag === 'blockquote') walk(child, { ...w, kind: 'quote' }, depth + 1);
    else if (tag === 'ul' || tag === 'ol') {
      const start = Number.parseInt(attrOf(child, 'start') ?? '1', 10);
      walk(child, w, depth + 1, { ordered: tag === 'ol', next: Number.isFinite(start) ? start : 1 });
    } else if (tag === 'li') {
      const marker = list?.ordered ? `${list.next++}.` : null;
      if (hasBlockChild(child)) {
        // The item's own text, then its nested lists and blocks.
        const own = children(child)
          .filter((c) => !(isElement(c) && BLOCKS.has(c.tagName)))
          .map((c) => (c.nodeName === '#text' ? (c as DefaultTreeAdapterTypes.TextNode).value : isElement(c) && !DROP.has(c.tagName) ? inlineText(c, depth + 2) : ''))
          .join('');
        emit(w, 'list-item', marker, own.replace(/[ \t\n\r\f]+/g, ' '));
        walk({ ...child, childNodes: children(child).filter((c) => isElement(c) && BLOCKS.has(c.tagName)) }, w, depth + 1);
      } else emit(w, 'list-item', marker, inlineText(child, depth + 1));
    } else if (TEXT_BLOCKS.has(tag) && !hasBlockChild(child)) emit(w, w.kind, null, inlineText(child, depth + 1));
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
  return inlineText(el, 0).replace(/\s+/g, '').length;
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
  const title = titleEl ? tidy(inlineText(titleEl, 0)) : '';
  return { format: 'html', segments: out, encoding: null, sourceLang: null, targetLang: null, title: title === '' ? null : title };
}
