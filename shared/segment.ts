/**
 * Splitting an imported article into paragraphs (segments), for plain text and Markdown.
 * Pure string handling; no Node, no DOM.
 */
import { isInvisible } from './import/visibleText.js';
import type { Segment, SourceFormat } from './types.js';

/** Strip a leading BOM, turn CRLF/CR into LF, compose to NFC, trim trailing whitespace per line. */
export function normalizeText(raw: string): string {
  const noBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return noBom
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n');
}

/** A line of white space or invisible characters (zero-width, no-break space…) separates paragraphs. */
function isBlank(line: string): boolean {
  return isInvisible(line);
}

/** Plain text: paragraphs separated by blank lines; single newlines stay inside a paragraph. */
function segmentPlain(lines: readonly string[]): Segment[] {
  const out: Segment[] = [];
  let buf: string[] = [];
  const flush = (): void => {
    const text = buf.join('\n').trim();
    if (!isInvisible(text)) out.push({ kind: 'paragraph', marker: null, text });
    buf = [];
  };
  for (const line of lines) {
    if (isBlank(line)) flush();
    else buf.push(line);
  }
  flush();
  return out;
}

const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** Groups: indent, marker (bullet or ordinal with `.`/`)`), content. */
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$/;
const QUOTE = /^ {0,3}>(.*)$/;

interface OpenFence {
  char: '`' | '~';
  length: number;
  lines: string[];
}

interface OpenItem {
  marker: string | null;
  lines: string[];
}

function leadingSpaces(line: string): number {
  const m = /^[ \t]*/.exec(line);
  let width = 0;
  for (const ch of m ? m[0] : '') width += ch === '\t' ? 4 - (width % 4) : 1;
  return width;
}

function headingText(raw: string): string {
  // Drop an optional closing sequence of #s (it must be preceded by a space, or be all there is).
  // Done by hand: a regex anchored at the end would be quadratic on long runs of spaces or #s.
  const text = raw.trimEnd();
  let start = text.length;
  while (start > 0 && text.charAt(start - 1) === '#') start--;
  if (start === text.length) return text.trim();
  if (start === 0) return '';
  const before = text.charAt(start - 1);
  return before === ' ' || before === '\t' ? text.slice(0, start).trim() : text.trim();
}

function parseListItem(line: string, inList: boolean, paragraphOpen: boolean): OpenItem | null {
  const m = LIST_ITEM.exec(line);
  if (!m) return null;
  const indent = leadingSpaces(m[1] ?? '');
  // Outside a list only up to three spaces of indentation start an item (4+ is indented text).
  if (!inList && indent > 3) return null;
  const marker = m[2]!;
  const content = (m[3] ?? '').trim();
  const ordered = /^\d/.test(marker);
  if (paragraphOpen) {
    // As in CommonMark: inside running text, only a non-empty bullet or an ordered item
    // starting at 1 may interrupt it — so a wrapped line like "1984. It was cold" stays text.
    if (content === '') return null;
    if (ordered && !/^0*1[.)]$/.test(marker)) return null;
  }
  return { marker: ordered ? marker : null, lines: content === '' ? [] : [content] };
}

/** Markdown: line-based block recognition (headings, list items, quotes, fences, paragraphs). */
function segmentMarkdown(lines: readonly string[]): Segment[] {
  const out: Segment[] = [];
  let para: string[] = [];
  let item: OpenItem | null = null;
  let quote: string[] | null = null;
  let fence: OpenFence | null = null;
  /** True while the last block was a list item (also across blank lines), for nested items. */
  let inList = false;

  const push = (seg: Segment): void => {
    if (seg.text !== '') out.push(seg);
  };
  const flushPara = (): void => {
    if (para.length > 0) push({ kind: 'paragraph', marker: null, text: para.join('\n').trim() });
    para = [];
  };
  const flushItem = (): void => {
    if (item) push({ kind: 'list-item', marker: item.marker, text: item.lines.join('\n').trim() });
    item = null;
  };
  const flushQuote = (): void => {
    if (quote) push({ kind: 'quote', marker: null, text: quote.join('\n').trim() });
    quote = null;
  };
  const flushAll = (): void => {
    flushPara();
    flushItem();
    flushQuote();
  };

  for (const line of lines) {
    if (fence) {
      fence.lines.push(line);
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]!.charAt(0) === fence.char && close[1]!.length >= fence.length) {
        // Verbatim, fences included; only surrounding blank lines could be trimmed (there are none).
        push({ kind: 'paragraph', marker: null, text: fence.lines.join('\n') });
        fence = null;
      }
      continue;
    }

    if (isBlank(line)) {
      flushAll();
      continue;
    }

    const fenceOpen = FENCE_OPEN.exec(line);
    if (fenceOpen && !(fenceOpen[2]!.startsWith('`') && fenceOpen[3]!.includes('`'))) {
      flushAll();
      inList = false;
      fence = { char: fenceOpen[2]!.charAt(0) as '`' | '~', length: fenceOpen[2]!.length, lines: [line] };
      continue;
    }

    const atx = ATX_HEADING.exec(line);
    if (atx) {
      flushAll();
      inList = false;
      push({ kind: 'heading', marker: String(atx[1]!.length), text: headingText(atx[2] ?? '') });
      continue;
    }

    const setext = SETEXT_UNDERLINE.exec(line);
    if (setext && para.length > 0 && !item && !quote) {
      const level = setext[1]!.startsWith('=') ? '1' : '2';
      const text = para.map((l) => l.trim()).join(' ').trim();
      para = [];
      inList = false;
      push({ kind: 'heading', marker: level, text });
      continue;
    }

    if (THEMATIC_BREAK.test(line)) {
      flushAll();
      inList = false;
      continue;
    }

    const newItem = parseListItem(line, inList || item !== null, para.length > 0);
    if (newItem) {
      flushAll();
      inList = true;
      item = newItem;
      continue;
    }

    const q = QUOTE.exec(line);
    if (q) {
      flushPara();
      flushItem();
      inList = false;
      const content = q[1]!.replace(/^[ \t]/, '');
      if (content.trim() === '') {
        // An empty `>` line splits the quote into separate paragraphs.
        flushQuote();
        quote = [];
      } else {
        (quote ??= []).push(content);
      }
      continue;
    }

    // Plain text line: continuation of whatever block is open, else paragraph text.
    if (quote && quote.length > 0) {
      quote.push(line.trim()); // lazy continuation of the quote
    } else if (item) {
      item.lines.push(line.trim());
    } else {
      flushQuote();
      if (para.length === 0) inList = false;
      para.push(line);
    }
  }

  if (fence) push({ kind: 'paragraph', marker: null, text: fence.lines.join('\n') }); // unclosed: runs to the end
  flushAll();
  return out;
}

/** Splits an article into segments. Normalizes the text first (see `normalizeText`). */
export function segmentText(text: string, format: SourceFormat): Segment[] {
  const lines = normalizeText(text).split('\n');
  return format === 'md' ? segmentMarkdown(lines) : segmentPlain(lines);
}

/** True for a segment text that is a fenced code block (kept verbatim by `segmentText`). */
export function isFencedCode(text: string): boolean {
  return /^ {0,3}(`{3,}|~{3,})/.test(text);
}

const TITLE_MAX = 120;

/**
 * Title for a document: the first heading's text, else the first (non-code) segment's text;
 * whitespace collapsed to single spaces; cut to at most 120 characters (UTF-16 units, never
 * splitting a surrogate pair) at a word boundary, ending in '…'. '' when there are no segments.
 */
export function deriveTitle(segments: Segment[]): string {
  const chosen =
    segments.find((s) => s.kind === 'heading' && s.text.trim() !== '') ??
    segments.find((s) => s.text.trim() !== '' && !isFencedCode(s.text)) ??
    segments.find((s) => s.text.trim() !== '');
  if (!chosen) return '';
  const text = chosen.text.replace(/\s+/g, ' ').trim();
  if (text.length <= TITLE_MAX) return text;

  let head = text.slice(0, TITLE_MAX - 1); // leave room for '…'
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  // Cut at the last space when the next character does not continue the word.
  const nextIsBreak = /\s/.test(text.charAt(head.length));
  const lastSpace = head.lastIndexOf(' ');
  // Without a space in the second half (e.g. Chinese or Japanese text), a hard cut is the
  // best boundary there is; cutting at an early space would leave a stub of a title.
  if (!nextIsBreak && lastSpace >= TITLE_MAX / 2) head = head.slice(0, lastSpace);
  return head.replace(/[\s,;:.\-–—]+$/u, '') + '…';
}

/**
 * True when a decoded text looks like binary data: it holds a NUL, or a notable share
 * (more than 1 % of its characters, or more than 8 characters) of C0 control characters other
 * than tab, line feed, carriage return and form feed, or of U+FFFD replacement characters
 * left by a failed decode.
 */
export function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  let suspicious = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Tab, LF, VT (Word's manual line break), FF and CR are text.
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d) || c === 0xfffd) {
      suspicious++;
    }
  }
  if (suspicious === 0) return false;
  return suspicious > 8 || suspicious > text.length * 0.01;
}
