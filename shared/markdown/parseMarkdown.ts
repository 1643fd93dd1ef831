/**
 * A Markdown article → segments, by CommonMark's rules (`mdast-util-from-markdown`, micromark
 * underneath; callers refuse first what `markdownExcess` finds too costly for it to parse).
 * Headings, paragraphs, list items (with their ordinal marker) and the paragraphs of block
 * quotes become segments with inline codes; nested lists and quotes are flattened into
 * segments of their own. Fenced code stays verbatim, fences included; indented code and HTML
 * blocks stay as their text. Thematic breaks and link definitions are no segments.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Code, Nodes, Root } from 'mdast';
import { InlineBuilder, compactCodes } from '../inline/inlineCodes.js';
import { addPhrasing, type MarkdownContext } from '../inline/markdownInline.js';
import type { BlockKind, Segment } from '../types.js';

/** A block still to visit: the node, and what it sits in. */
interface Visit {
  node: Nodes;
  inQuote: boolean;
  /** Inside a quote or list (its source lines carry their container's prefixes). */
  nested: boolean;
  /** The ordinal marker when the node is the first block of a list item ("" for a bullet). */
  itemMarker: string | null;
}

function childrenOf(node: Nodes): Nodes[] {
  return 'children' in node ? (node.children as Nodes[]) : [];
}

/** Pushes items so that the first is popped first (no spread: a list may have many thousand items). */
function pushReversed<T>(stack: T[], items: readonly T[]): void {
  for (let i = items.length - 1; i >= 0; i--) stack.push(items[i]!);
}

/** Every link definition in the document, wherever it is (first one wins, as in CommonMark). */
function definitions(root: Root): Map<string, string> {
  const out = new Map<string, string>();
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition') {
      if (!out.has(node.identifier)) out.set(node.identifier, node.url);
    } else if (node.type === 'root' || node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') {
      pushReversed(stack, childrenOf(node));
    }
  }
  return out;
}

/** The marker a list item was written with: "1." / "2)" for ordered items, "" for bullets. */
function itemMarker(node: Nodes, source: string): string {
  const offset = node.position?.start.offset ?? 0;
  const m = /^\d{1,9}[.)]/.exec(source.slice(offset, offset + 10));
  return m ? m[0] : '';
}

/** Fenced code exactly as written when it can be sliced from the source, else rebuilt. */
function codeText(node: Code, ctx: MarkdownContext, nested: boolean): string {
  const start = node.position?.start.offset ?? 0;
  const raw = ctx.source.slice(start, node.position?.end.offset ?? start).replace(/\n+$/, '');
  const fenced = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
  if (!fenced) return node.value; // indented code: its text
  if (!nested) return raw;
  const fence = fenced[1]!;
  return `${fence}${node.lang ?? ''}${node.meta ? ' ' + node.meta : ''}\n${node.value}\n${fence}`;
}

function segment(kind: BlockKind, marker: string | null, built: { text: string; codes: Segment['codes'] }): Segment | null {
  const { text, codes } = compactCodes(built.text.trim(), built.codes ?? []);
  if (text === '') return null;
  return codes.length > 0 ? { kind, marker, text, codes } : { kind, marker, text };
}

function inlineSegment(visit: Visit, kind: BlockKind, marker: string | null, ctx: MarkdownContext): Segment | null {
  const b = new InlineBuilder();
  addPhrasing(b, childrenOf(visit.node) as never, ctx);
  return segment(kind, marker, b.build());
}

/** The segment one leaf block makes, or null. */
function leaf(visit: Visit, ctx: MarkdownContext): Segment | null {
  const { node } = visit;
  switch (node.type) {
    case 'heading':
      return inlineSegment(visit, 'heading', String(node.depth), ctx);
    case 'paragraph':
      if (visit.itemMarker !== null) return inlineSegment(visit, 'list-item', visit.itemMarker === '' ? null : visit.itemMarker, ctx);
      return inlineSegment(visit, visit.inQuote ? 'quote' : 'paragraph', null, ctx);
    case 'code':
      return segment('paragraph', null, { text: codeText(node, ctx, visit.nested), codes: [] });
    case 'html':
      return segment('paragraph', null, { text: node.value, codes: [] });
    default:
      return null; // thematic breaks, definitions
  }
}

/** The blocks inside a container, in order, each knowing what it sits in. */
function inside(visit: Visit, source: string): Visit[] {
  const { node } = visit;
  const inQuote = visit.inQuote || node.type === 'blockquote';
  return childrenOf(node).map((child, i) => ({
    node: child,
    inQuote,
    nested: node.type !== 'root',
    itemMarker: node.type === 'listItem' && i === 0 ? itemMarker(node, source) : null,
  }));
}

const CONTAINERS = new Set(['blockquote', 'list', 'listItem']);

/** Walks the block tree without recursion (nesting may be deep). */
function walk(root: Root, ctx: MarkdownContext): Segment[] {
  const out: Segment[] = [];
  const stack: Visit[] = [];
  pushReversed(stack, inside({ node: root, inQuote: false, nested: false, itemMarker: null }, ctx.source));
  while (stack.length > 0) {
    const visit = stack.pop()!;
    if (CONTAINERS.has(visit.node.type)) {
      pushReversed(stack, inside(visit, ctx.source));
      continue;
    }
    const seg = leaf(visit, ctx);
    if (seg) out.push(seg);
  }
  return out;
}

/** Segments of a normalised Markdown text (see `segmentText`). */
export function parseMarkdown(source: string): Segment[] {
  const root = fromMarkdown(source);
  return walk(root, { source, definitions: definitions(root) });
}
