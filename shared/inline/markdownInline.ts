/**
 * Markdown inline content → text with tokens and codes. The parsing is CommonMark's, by
 * `mdast-util-from-markdown` (micromark): strong → bold, emphasis → italic, links (inline,
 * autolinks and references to a definition) → link codes, code spans → code, hard breaks →
 * break. Images and raw HTML stay as the text they were written as; backslash escapes and
 * character references are read as the characters they stand for. `renderMarkdown` writes the
 * same forms back.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Definition, Nodes, PhrasingContent, Root } from 'mdast';
import { InlineBuilder, type InlineCode } from './inlineCodes.js';

/** What the inline walk needs from the whole document: its source and its link definitions. */
export interface MarkdownContext {
  source: string;
  definitions: ReadonlyMap<string, string>;
}

export function markdownContext(source: string, root: Root): MarkdownContext {
  const definitions = new Map<string, string>();
  for (const node of root.children) if (node.type === 'definition') addDefinition(definitions, node);
  return { source, definitions };
}

function addDefinition(map: Map<string, string>, node: Definition): void {
  if (!map.has(node.identifier)) map.set(node.identifier, node.url);
}

/** The source text a node was written as (images and the like stay as written). */
function sourceOf(node: Nodes, ctx: MarkdownContext): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : ctx.source.slice(start, end);
}

function paired(b: InlineBuilder, code: InlineCode, children: readonly PhrasingContent[], ctx: MarkdownContext): void {
  const index = b.open(code);
  addPhrasing(b, children, ctx);
  b.close(index);
}

function addLink(b: InlineBuilder, href: string | undefined, children: readonly PhrasingContent[], ctx: MarkdownContext): void {
  if (href) paired(b, { type: 'link', href }, children, ctx);
  else addPhrasing(b, children, ctx);
}

function addNode(b: InlineBuilder, node: PhrasingContent, ctx: MarkdownContext): void {
  switch (node.type) {
    case 'text':
    case 'html':
      return b.text(node.value);
    case 'strong':
      return paired(b, { type: 'bold' }, node.children, ctx);
    case 'emphasis':
      return paired(b, { type: 'italic' }, node.children, ctx);
    case 'inlineCode':
      // CommonMark: line endings in a code span read as spaces.
      return b.solo({ type: 'code', text: node.value.replace(/\n/g, ' ') });
    case 'break':
      return b.solo({ type: 'break' });
    case 'link':
      return addLink(b, node.url, node.children, ctx);
    case 'linkReference':
      return addLink(b, ctx.definitions.get(node.identifier), node.children, ctx);
    default:
      // Images (and anything else) stay as the text they were written as.
      return b.text(sourceOf(node, ctx));
  }
}

/** Adds inline nodes to a paragraph being built. */
export function addPhrasing(b: InlineBuilder, nodes: readonly PhrasingContent[], ctx: MarkdownContext): void {
  for (const node of nodes) addNode(b, node, ctx);
}

/** One Markdown paragraph's inline content as text with tokens and its codes. */
export function parseMarkdownInline(text: string): { text: string; codes: InlineCode[] } {
  const root = fromMarkdown(text);
  const ctx = markdownContext(text, root);
  const b = new InlineBuilder();
  for (const block of root.children) if (block.type === 'paragraph') addPhrasing(b, block.children, ctx);
  return b.build();
}
