/**
 * The chip editor's document (ProseMirror) and its exact mapping to a paragraph's text with token
 * placeholders (shared/inline/inlineCodes.ts).
 *
 * The document is one line (`doc > line`) of text and `chip` nodes; a chip is an inline atom that
 * holds one placeholder character (`token`). Every character of the text is one position and
 * every chip is one position, so text offset i is document position i + 1: the mapping is exact in
 * both directions, and a caret never sits inside a token. Newlines stay characters of the text
 * (`whitespace: 'pre'`).
 *
 * Nothing typed, pasted or dropped can make a token: chips come only from `textToDoc` (the stored
 * text), from inserting a missing token and from the editor's own chip elements; placeholder
 * characters that reach a text node are removed (`stripPlaceholders`), and paste and drop are
 * plain text (chipEditorView.ts), so HTML from outside is never read as chips.
 */
import { Fragment, Schema, type Node as PmNode } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { TOKEN_PATTERN } from '../../../shared/inline/inlineCodes.js';

export const chipSchema = new Schema({
  nodes: {
    doc: { content: 'line' },
    line: {
      content: 'inline*',
      // Plain text: paste arrives as text, Enter is a newline character, no marks.
      code: true,
      whitespace: 'pre',
      marks: '',
      toDOM: () => ['div', { class: 'token-line' }, 0],
      parseDOM: [{ tag: 'div' }, { tag: 'p' }],
    },
    text: { group: 'inline' },
    chip: {
      group: 'inline',
      inline: true,
      atom: true,
      // Arrow keys step over a chip in one press; typing never replaces a selected chip.
      selectable: false,
      draggable: false,
      attrs: { token: { validate: 'string' } },
      // Copied text never carries placeholders.
      leafText: () => '',
      toDOM: (node) => ['span', { 'data-token': node.attrs['token'] as string, contenteditable: 'false' }],
      // Read back from the editor's own DOM when the browser rebuilt a chip's element while editing
      // around it. Pasted and dropped content never gets here: it is taken as plain text.
      parseDOM: [
        {
          tag: 'span[data-token]',
          getAttrs: (el) => {
            const token = el.dataset['token'] ?? '';
            return /^[\uE000-\uE2FF]$/u.test(token) ? { token } : false;
          },
        },
      ],
    },
  },
  marks: {},
});

const PLACEHOLDER = /[\uE000-\uE2FF]/;

/** The nodes of a piece of text: text runs and one chip per placeholder. */
export function textNodes(text: string): PmNode[] {
  const nodes: PmNode[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN_PATTERN)) {
    if (m.index > last) nodes.push(chipSchema.text(text.slice(last, m.index)));
    nodes.push(chipSchema.nodes['chip'].create({ token: m[0] }));
    last = m.index + 1;
  }
  if (last < text.length) nodes.push(chipSchema.text(text.slice(last)));
  return nodes;
}

export function textToDoc(text: string): PmNode {
  return chipSchema.node('doc', null, [chipSchema.node('line', null, textNodes(text))]);
}

export function docToText(doc: PmNode): string {
  let out = '';
  doc.descendants((node) => {
    if (node.isText) out += node.text ?? '';
    else if (node.type.name === 'chip') out += node.attrs['token'] as string;
    return true;
  });
  return out;
}

/** Length of the document's text (characters and tokens), without building it. */
export function textLength(doc: PmNode): number {
  return doc.content.size - 2;
}

/** Document position of text offset `offset` (and back). */
export const posOf = (offset: number): number => offset + 1;
export const offsetOf = (pos: number): number => pos - 1;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The smallest replacement that turns `from` into `to`: common start and end kept, never cutting
 * a surrogate pair. `start` and `end` are offsets in `from`; `text` replaces `from.slice(start, end)`.
 */
export function textChange(from: string, to: string): { start: number; end: number; text: string } | null {
  if (from === to) return null;
  let start = 0;
  const max = Math.min(from.length, to.length);
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  if (start > 0 && isHigh(from.charCodeAt(start - 1))) start--;
  let endFrom = from.length;
  let endTo = to.length;
  while (endFrom > start && endTo > start && from.charCodeAt(endFrom - 1) === to.charCodeAt(endTo - 1)) {
    endFrom--;
    endTo--;
  }
  if (endFrom < from.length && isLow(from.charCodeAt(endFrom))) {
    endFrom++;
    endTo++;
  }
  return { start, end: endFrom, text: to.slice(start, endTo) };
}

/**
 * A transaction that makes the document hold `text` by replacing only what differs, so the caret
 * (mapped through the change) stays where it was relative to the text around it; null when the
 * document already holds it.
 */
export function replaceTextTr(state: EditorState, text: string): Transaction | null {
  const change = textChange(docToText(state.doc), text);
  if (!change) return null;
  const tr = state.tr.replaceWith(posOf(change.start), posOf(change.end), Fragment.from(textNodes(change.text)));
  return tr.setMeta('addToHistory', false).setMeta('external', true);
}

/** Inserts a chip for `token` over the selection and puts the caret after it. */
export function insertChipTr(state: EditorState, token: string, at?: { from: number; to: number }): Transaction {
  const { from, to } = at ?? state.selection;
  const tr = state.tr.replaceWith(from, to, chipSchema.nodes['chip'].create({ token }));
  return tr.setSelection(TextSelection.create(tr.doc, from + 1)).scrollIntoView();
}

/** Removes placeholder characters that reached a text node (typed, composed or dropped); null when there are none. */
export function stripPlaceholders(state: EditorState): Transaction | null {
  const found: { from: number; to: number }[] = [];
  state.doc.descendants((node, pos) => {
    if (!node.isText || !PLACEHOLDER.test(node.text ?? '')) return true;
    for (const m of (node.text ?? '').matchAll(TOKEN_PATTERN)) found.push({ from: pos + m.index, to: pos + m.index + 1 });
    return false;
  });
  if (found.length === 0) return null;
  const tr = state.tr;
  for (const r of found.reverse()) tr.delete(r.from, r.to);
  return tr;
}

/** Text as typed or pasted: newlines normalised, placeholder characters dropped. */
export function cleanInput(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(TOKEN_PATTERN, '');
}
