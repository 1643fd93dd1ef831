/**
 * HTML text → a server-side DOM (linkedom) for Readability and the block reader.
 *
 * parse5 parses (the WHATWG algorithm, so misnested tags, implied end tags and tables come out as
 * a browser builds them; linkedom's own parser does not follow it) and the tree is copied into a
 * linkedom document, leaving out on the way everything that is never article text and anything
 * that could act: scripts (JSON-LD metadata excepted: it is data, read as JSON, never run),
 * styles, embedded content, forms' controls, event handler attributes. Nothing here runs or loads
 * anything: linkedom has no script engine and fetches nothing.
 *
 * Elements hidden by `hidden`, `aria-hidden="true"` or an inline `display:none` /
 * `visibility:hidden` are marked (`data-verso-hidden`), not dropped: `removeHidden` (clutter.ts)
 * decides, because a saved page may have hidden its whole content behind an open dialog.
 */
import {
  defaultTreeAdapter,
  html as p5Html,
  parse,
  type DefaultTreeAdapterMap,
  type DefaultTreeAdapterTypes,
  type TreeAdapter,
} from 'parse5';
import { parseHTML } from 'linkedom';
import { ServiceError } from '../../../core/serviceError.js';
import { IMPORT_LIMITS } from '../../limits.js';
import type { DomDocument, DomElement } from './dom.js';

type P5Node = DefaultTreeAdapterTypes.ChildNode;
type P5Element = DefaultTreeAdapterTypes.Element;

export const HIDDEN_MARK = 'data-verso-hidden';

/** Never article text; dropped with everything inside. */
const DROP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'source',
  'track',
  'map',
  'area',
  'frame',
  'frameset',
  'applet',
  'link',
  'base',
  'input',
  'select',
  'textarea',
  'button',
  'option',
  'datalist',
  'output',
  'progress',
  'meter',
  'dialog',
  'portal',
  'slot',
]);
/** Attributes never copied: handlers (by prefix), style (read here, then dropped), visibility (replaced by the mark). */
const SKIPPED_ATTRIBUTES = new Set([
  'style',
  'hidden',
  'aria-hidden',
  'inert',
  'srcdoc',
  'src',
  'srcset',
  'sizes',
  'formaction',
  'action',
  'background',
  'poster',
]);
const ATTRIBUTE_NAME = /^[a-z_][a-z0-9_.:-]*$/i;
const ELEMENT_NAME = /^[a-z][a-z0-9-]*$/;
const MAX_ATTRIBUTE_CHARS = 4096;
const PLACEHOLDERS = /[\uE000-\uE2FF]/g;

function attr(el: P5Element, name: string): string | null {
  return el.attrs.find((a) => a.name === name)?.value ?? null;
}

function isJsonLd(el: P5Element): boolean {
  return el.tagName === 'script' && (attr(el, 'type') ?? '').trim().toLowerCase() === 'application/ld+json';
}

/** <base href> and <link rel=canonical>: where the page lives, to resolve its relative links. */
function isBaseUrl(el: P5Element): boolean {
  return el.tagName === 'base' || (el.tagName === 'link' && (attr(el, 'rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'));
}

function isHidden(el: P5Element, style: string): boolean {
  return (
    attr(el, 'hidden') !== null ||
    attr(el, 'aria-hidden')?.trim().toLowerCase() === 'true' ||
    attr(el, 'inert') !== null ||
    /(?:^|;)\s*display\s*:\s*none\b/i.test(style) ||
    /(?:^|;)\s*visibility\s*:\s*hidden\b/i.test(style)
  );
}

/**
 * The element to build: inline formatting given by style (pasted Google Docs or Word HTML wraps
 * whole documents in `<b style="font-weight:normal">` and marks bold as a styled `<span>`).
 */
function elementName(tag: string, style: string): string {
  const weight = /(?:^|;)\s*font-weight\s*:\s*([a-z0-9]+)/i.exec(style)?.[1]?.toLowerCase();
  const fontStyle = /(?:^|;)\s*font-style\s*:\s*([a-z]+)/i.exec(style)?.[1]?.toLowerCase();
  const bold = weight === undefined ? null : weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
  const italic = fontStyle === undefined ? null : fontStyle === 'italic' || fontStyle === 'oblique';
  if ((tag === 'b' || tag === 'strong') && bold === false) return 'span';
  if ((tag === 'i' || tag === 'em') && italic === false) return 'span';
  if (tag === 'span' && bold) return 'b';
  if (tag === 'span' && italic) return 'i';
  return tag;
}

function tooComplex(what: 'depth' | 'elements'): ServiceError {
  return what === 'depth'
    ? new ServiceError('IMPORT_TOO_COMPLEX', `The page nests elements deeper than ${IMPORT_LIMITS.xmlDepth} levels.`, {
        limit: IMPORT_LIMITS.xmlDepth,
        what,
      })
    : new ServiceError('IMPORT_TOO_COMPLEX', `The page has more than ${IMPORT_LIMITS.xmlElements} elements.`, {
        limit: IMPORT_LIMITS.xmlElements,
        what,
      });
}

/**
 * HTML parsing re-opens unclosed formatting tags (<b>, <i>, <font>…) in every block that follows,
 * up to three of each kind: tag soup can become far more elements than it has tags (40 unclosed
 * <font>s before 50,000 short paragraphs are two million). Past this many elements, and this many
 * per tag written, parsing stops and the page is refused: no page a person can read is built that
 * way, and building it would take seconds.
 */
const REBUILT = { minElements: 50_000, perTag: 4 } as const;

function rebuiltTooMuch(elements: number, tags: number): ServiceError {
  return new ServiceError(
    'IMPORT_TOO_COMPLEX',
    `The page leaves so many formatting tags unclosed that its ${tags} tags would become more than ${elements} elements. Paste its text instead.`,
    { limit: elements, what: 'rebuilt', tags },
  );
}

/** parse5's own tree, counting the elements it creates and stopping past the limit. */
function countingAdapter(tags: number): TreeAdapter<DefaultTreeAdapterMap> {
  const limit = Math.max(REBUILT.minElements, REBUILT.perTag * tags);
  let created = 0;
  return {
    ...defaultTreeAdapter,
    createElement(tagName, namespaceURI, attrs) {
      if (++created > limit) throw rebuiltTooMuch(limit, tags);
      return defaultTreeAdapter.createElement(tagName, namespaceURI, attrs);
    },
  };
}

/** Start tags written in the page (an upper bound: `<x` inside scripts and comments counts too). */
function startTags(html: string): number {
  let n = 0;
  for (const _ of html.matchAll(/<[A-Za-z]/g)) n++;
  return n;
}

function copyAttributes(from: P5Element, to: DomElement): void {
  for (const { name, value } of from.attrs) {
    const lower = name.toLowerCase();
    if (SKIPPED_ATTRIBUTES.has(lower) || lower.startsWith('on') || !ATTRIBUTE_NAME.test(name) || value.length > MAX_ATTRIBUTE_CHARS)
      continue;
    // Microdata names are compared in lower case ("Headline", "articleBody" and "headline" alike).
    to.setAttribute(lower, lower === 'itemprop' ? value.toLowerCase() : value.replace(PLACEHOLDERS, ''));
  }
}

/**
 * Formatting that adds nothing inside the same formatting: `<b>` in `<b>`. HTML parsing re-opens
 * unclosed formatting tags in every following block (up to three of each), so tag soup nests
 * them again and again; an element that repeats an enclosing one, attributes and all, is left
 * out and its content kept. (Not <big>, <small>, <font>, <sup>, <sub>: those compound.)
 */
const SAME_WHEN_NESTED = new Set(['b', 'strong', 'i', 'em', 'u', 's', 'strike', 'tt', 'nobr', 'mark']);

/** What makes a formatting element the same as another (its tag and attributes), or null for other elements. */
function formatting(node: P5Element): string | null {
  if (!SAME_WHEN_NESTED.has(node.tagName)) return null;
  return node.tagName + node.attrs.map((a) => ` ${a.name}=${a.value}`).join('');
}

interface Frame {
  nodes: P5Node[];
  index: number;
  parent: DomElement;
  depth: number;
  /** The formatting elements open around these nodes. */
  open: ReadonlySet<string>;
}

/** Copies parse5 children into a linkedom parent, without recursion (the depth limit is checked here). */
function copyChildren(doc: DomDocument, from: P5Node[], into: DomElement, startDepth: number): void {
  const stack: Frame[] = [{ nodes: from, index: 0, parent: into, depth: startDepth, open: new Set() }];
  let elements = 0;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.index >= frame.nodes.length) {
      stack.pop();
      continue;
    }
    const node = frame.nodes[frame.index++]!;
    if (node.nodeName === '#text') {
      const text = (node as DefaultTreeAdapterTypes.TextNode).value.replace(PLACEHOLDERS, '');
      if (text !== '') frame.parent.appendChild(doc.createTextNode(text));
      continue;
    }
    if (!('tagName' in node) || node.namespaceURI !== p5Html.NS.HTML) continue;
    const jsonLd = isJsonLd(node);
    if (DROP.has(node.tagName) && !jsonLd && !isBaseUrl(node)) continue;
    const format = formatting(node);
    if (!ELEMENT_NAME.test(node.tagName) || (format !== null && frame.open.has(format))) {
      // A name no DOM would accept, or formatting already in force: its content stays, in its parent.
      stack.push({ ...frame, nodes: node.childNodes, index: 0 });
      continue;
    }
    if (frame.depth + 1 > IMPORT_LIMITS.xmlDepth) throw tooComplex('depth');
    if (++elements > IMPORT_LIMITS.xmlElements) throw tooComplex('elements');
    const style = attr(node, 'style') ?? '';
    // Word's pasted lists draw their bullets and numbers as text marked "mso-list:Ignore".
    if (/mso-list\s*:\s*ignore/i.test(style)) continue;
    const el = doc.createElement(elementName(node.tagName, style));
    copyAttributes(node, el);
    if (isHidden(node, style)) el.setAttribute(HIDDEN_MARK, '');
    frame.parent.appendChild(el);
    if (jsonLd) {
      const text = node.childNodes.map((c) => (c.nodeName === '#text' ? (c as DefaultTreeAdapterTypes.TextNode).value : '')).join('');
      el.appendChild(doc.createTextNode(text));
      continue;
    }
    const open = format === null ? frame.open : new Set([...frame.open, format]);
    stack.push({ nodes: node.childNodes, index: 0, parent: el, depth: frame.depth + 1, open });
  }
}

/** The page as a linkedom document (head and body filled from parse5's tree). */
export function buildDom(html: string): DomDocument {
  const tree = parse(html, { treeAdapter: countingAdapter(startTags(html)) });
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>') as unknown as { document: DomDocument };
  const root = tree.childNodes.find((n): n is P5Element => 'tagName' in n && n.tagName === 'html');
  if (!root) return document;
  copyAttributes(root, document.documentElement);
  for (const part of root.childNodes) {
    if (!('tagName' in part)) continue;
    if (part.tagName === 'head') copyChildren(document, part.childNodes, document.head, 1);
    else if (part.tagName === 'body') {
      copyAttributes(part, document.body);
      copyChildren(document, part.childNodes, document.body, 1);
    }
  }
  return document;
}
