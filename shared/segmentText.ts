/**
 * Splitting an imported article into segments, plain text or Markdown. Apart from segment.ts so
 * that reading plain text does not load the Markdown parser (micromark).
 */
import { parseMarkdown } from './markdown/parseMarkdown.js';
import { normalizeText, segmentPlainText } from './segment.js';
import type { Segment, SourceFormat } from './types.js';

/**
 * Splits an article into segments. Normalizes the text first (see `normalizeText`). Markdown is
 * read by CommonMark's rules, its inline markup as tokens and codes (see `parseMarkdown`).
 */
export function segmentText(text: string, format: SourceFormat): Segment[] {
  return format === 'md' ? parseMarkdown(normalizeText(text)) : segmentPlainText(text);
}
