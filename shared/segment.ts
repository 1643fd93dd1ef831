/**
 * Splitting an imported article into paragraphs (segments): plain text here, Markdown in
 * segmentText.ts (which loads the Markdown parser). No Node, no DOM.
 */
import { isCreditOnly } from './import/photoCredits.js';
import { isInvisible } from './import/visibleText.js';
import type { Segment } from './types.js';

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

/** Splits a plain text into paragraphs, normalized first (see `normalizeText`). */
export function segmentPlainText(text: string): Segment[] {
  return segmentPlain(normalizeText(text).split('\n'));
}

/** True for a segment text that is a fenced code block (kept verbatim by `segmentText`). */
export function isFencedCode(text: string): boolean {
  return /^ {0,3}(`{3,}|~{3,})/.test(text);
}

const TITLE_MAX = 120;

/**
 * Title for a document: the first heading's text, else the first segment's text that is neither
 * code nor a photo credit ("Image: Alibaba" above a story copied with its picture's line);
 * whitespace collapsed to single spaces; cut to at most 120 characters (UTF-16 units, never
 * splitting a surrogate pair) at a word boundary, ending in '…'. '' when there are no segments.
 */
export function deriveTitle(segments: Segment[]): string {
  const chosen =
    segments.find((s) => s.kind === 'heading' && s.text.trim() !== '') ??
    segments.find((s) => s.text.trim() !== '' && !isFencedCode(s.text) && !isCreditOnly(s.text)) ??
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
