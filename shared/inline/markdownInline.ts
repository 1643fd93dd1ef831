/**
 * Markdown inline markup of one paragraph → text with tokens and codes: **strong** / __strong__,
 * *emphasis* / _emphasis_, [links](href "title"), `code spans`, backslash line breaks. A pragmatic
 * subset of CommonMark's inline rules (flanking delimiters, `_` not inside words, code spans first);
 * anything it does not recognise (images, raw HTML, autolinks, backslash escapes) stays as text, so
 * nothing is lost. `renderMarkdown` writes the same forms back.
 */
import { InlineBuilder, type InlineCode } from './inlineCodes.js';

const MAX_DEPTH = 16;
const PUNCT = /[!-/:-@[-`{-~]/;
const ALNUM = /[\p{L}\p{N}]/u;

function isSpace(c: string | undefined): boolean {
  return c === undefined || /\s/.test(c);
}

function runLength(s: string, i: number, ch: string): number {
  let j = i;
  while (s.charAt(j) === ch) j++;
  return j - i;
}

/** End (exclusive) of the code span opening at `i` with `n` backticks, or -1. */
function codeSpanEnd(s: string, i: number, n: number): number {
  let j = i + n;
  while (j < s.length) {
    if (s.charAt(j) === '`') {
      const m = runLength(s, j, '`');
      if (m === n) return j;
      j += m;
    } else j++;
  }
  return -1;
}

/** Index of the `]` matching the `[` at `i`, or -1. */
function bracketEnd(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s.charAt(j);
    if (c === '\\') j++;
    else if (c === '`') {
      const n = runLength(s, j, '`');
      const end = codeSpanEnd(s, j, n);
      j = end < 0 ? j + n - 1 : end + n - 1;
    } else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return j;
  }
  return -1;
}

/** The link destination after `](` at `i` (the `(`): href and end index (exclusive), or null. */
function destination(s: string, i: number): { href: string; end: number } | null {
  if (s.charAt(i) !== '(') return null;
  let j = i + 1;
  while (s.charAt(j) === ' ') j++;
  let href: string;
  if (s.charAt(j) === '<') {
    const close = s.indexOf('>', j);
    if (close < 0 || s.slice(j, close).includes('\n')) return null;
    href = s.slice(j + 1, close);
    j = close + 1;
  } else {
    let depth = 0;
    const start = j;
    while (j < s.length) {
      const c = s.charAt(j);
      if (c === '\\' && j + 1 < s.length) j += 2;
      else if (/\s/.test(c)) break;
      else if (c === '(') {
        depth++;
        j++;
      } else if (c === ')') {
        if (depth === 0) break;
        depth--;
        j++;
      } else j++;
    }
    href = s.slice(start, j);
  }
  // An optional title ("…", '…' or (…)) is read past and dropped.
  while (s.charAt(j) === ' ' || s.charAt(j) === '\n') j++;
  const q = s.charAt(j);
  if (q === '"' || q === "'" || q === '(') {
    const close = s.indexOf(q === '(' ? ')' : q, j + 1);
    if (close < 0) return null;
    j = close + 1;
    while (s.charAt(j) === ' ') j++;
  }
  if (s.charAt(j) !== ')') return null;
  return { href, end: j + 1 };
}

/** Where the closing delimiter (`n` × `ch`) of an emphasis opened before `from` is, or -1. */
function closerAt(s: string, from: number, ch: string, n: number): number {
  for (let j = from; j < s.length; j++) {
    const c = s.charAt(j);
    if (c === '\\') {
      j++;
      continue;
    }
    if (c === '`') {
      const m = runLength(s, j, '`');
      const end = codeSpanEnd(s, j, m);
      j = end < 0 ? j + m - 1 : end + m - 1;
      continue;
    }
    if (c === '[') {
      // Emphasis does not close inside a link's text.
      const end = bracketEnd(s, j);
      if (end > 0) j = end;
      continue;
    }
    if (c !== ch) continue;
    const m = runLength(s, j, ch);
    if (j === from || isSpace(s.charAt(j - 1))) {
      j += m - 1;
      continue;
    }
    const after = s.charAt(j + m);
    if (ch === '_' && after !== '' && ALNUM.test(after)) {
      j += m - 1;
      continue;
    }
    if (m === n || (m > n && n === 2) || (m === 3 && n === 1)) return m === 3 && n === 1 ? j + 2 : j;
    j += m - 1;
  }
  return -1;
}

function parseInto(s: string, b: InlineBuilder, depth: number): void {
  let buf = '';
  const flush = (): void => {
    if (buf !== '') b.text(buf);
    buf = '';
  };
  let i = 0;
  while (i < s.length) {
    const c = s.charAt(i);
    if (c === '\\' && i + 1 < s.length) {
      if (s.charAt(i + 1) === '\n') {
        flush();
        b.solo({ type: 'break' });
        i += 2;
        continue;
      }
      // Escapes stay as written (exported Markdown must keep them).
      buf += PUNCT.test(s.charAt(i + 1)) ? s.slice(i, i + 2) : c;
      i += PUNCT.test(s.charAt(i + 1)) ? 2 : 1;
      continue;
    }
    if (c === '`') {
      const n = runLength(s, i, '`');
      const end = codeSpanEnd(s, i, n);
      if (end < 0) {
        buf += s.slice(i, i + n);
        i += n;
        continue;
      }
      let content = s.slice(i + n, end).replace(/\n/g, ' ');
      if (content.length > 2 && content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') content = content.slice(1, -1);
      flush();
      b.solo({ type: 'code', text: content });
      i = end + n;
      continue;
    }
    if (c === '!' && s.charAt(i + 1) === '[') {
      // Images stay as text, whole.
      const close = bracketEnd(s, i + 1);
      const dest = close > 0 ? destination(s, close + 1) : null;
      const end = dest ? dest.end : i + 2;
      buf += s.slice(i, end);
      i = end;
      continue;
    }
    if (c === '[' && depth < MAX_DEPTH) {
      const close = bracketEnd(s, i);
      const dest = close > 0 ? destination(s, close + 1) : null;
      if (dest && dest.href !== '') {
        flush();
        const link: InlineCode = { type: 'link', href: dest.href };
        const index = b.open(link);
        parseInto(s.slice(i + 1, close), b, depth + 1);
        b.close(index);
        i = dest.end;
        continue;
      }
    }
    if ((c === '*' || c === '_') && depth < MAX_DEPTH) {
      const run = runLength(s, i, c);
      const next = s.charAt(i + run);
      const prev = i > 0 ? s.charAt(i - 1) : '';
      const canOpen = !isSpace(next) && !(c === '_' && prev !== '' && ALNUM.test(prev));
      if (canOpen) {
        const n = run >= 3 ? 3 : run;
        if (n === 3) {
          const end = closerAt(s, i + 3, c, 2);
          if (end > 0 && s.charAt(end + 2) === c) {
            flush();
            const bold = b.open({ type: 'bold' });
            const italic = b.open({ type: 'italic' });
            parseInto(s.slice(i + 3, end), b, depth + 1);
            b.close(italic);
            b.close(bold);
            i = end + 3;
            continue;
          }
        }
        const size = Math.min(n, 2);
        const end = closerAt(s, i + size, c, size);
        if (end > 0 && end > i + size) {
          flush();
          const index = b.open(size === 2 ? { type: 'bold' } : { type: 'italic' });
          parseInto(s.slice(i + size, end), b, depth + 1);
          b.close(index);
          i = end + size;
          continue;
        }
      }
      buf += s.slice(i, i + run);
      i += run;
      continue;
    }
    buf += c;
    i++;
  }
  flush();
}

/** One Markdown paragraph's inline content as text with tokens and its codes. */
export function parseMarkdownInline(text: string): { text: string; codes: InlineCode[] } {
  const b = new InlineBuilder();
  parseInto(text, b, 0);
  return b.build();
}
