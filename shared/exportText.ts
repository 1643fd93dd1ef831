/**
 * Pure export rendering: the publish gate, the footer policy and the text of an exported document.
 */
import { renderMarkdown, renderPlainText } from './inline/renderInline.js';
import type { ExportFormat, ExportMode, FooterPolicy, Paragraph } from './types.js';

export interface PublishBlockers {
  count: number;
  /** 0-based indices of paragraphs not 'signed-off', ascending. */
  indices: number[];
}

/** Paragraphs that keep a document from being exported for publication. */
export function publishBlockers(paragraphs: Pick<Paragraph, 'status' | 'index'>[]): PublishBlockers {
  const indices = paragraphs
    .filter((p) => p.status !== 'signed-off')
    .map((p) => p.index)
    .sort((a, b) => a - b);
  return { count: indices.length, indices };
}

/** Whether the disclosure footer goes under the export, per the settings' policy. */
export function footerApplies(policy: FooterPolicy, paragraphs: Pick<Paragraph, 'mt'>[]): boolean {
  switch (policy) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'when-mt':
      return paragraphs.some((p) => p.mt !== null);
  }
}

/** Prefix put before the source text of a paragraph that has no translation yet. */
export const UNTRANSLATED_PREFIX = '[untranslated] ';

/** LF line endings, NFC, no trailing whitespace on any line, no blank lines around. */
function tidy(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').normalize('NFC').split('\n').map((l) => l.trimEnd());
  // Drop leading and trailing empty lines by hand (end-anchored regexes go quadratic on long runs).
  let from = 0;
  let to = lines.length;
  while (from < to && lines[from] === '') from++;
  while (to > from && lines[to - 1] === '') to--;
  return lines.slice(from, to).join('\n');
}

/** True when `text` (ignoring trailing whitespace) ends with `footer`, starting on a line of its own. */
export function endsWithFooter(text: string, footer: string): boolean {
  const f = tidy(footer);
  if (f === '') return false;
  const t = tidy(text);
  if (t === f) return true;
  return t.endsWith(f) && t.charAt(t.length - f.length - 1) === '\n';
}

function headingLevel(marker: string | null): number {
  const n = marker === null ? NaN : Number.parseInt(marker, 10);
  return Number.isInteger(n) ? Math.min(6, Math.max(1, n)) : 1;
}

function renderMarkdownBlock(kind: Paragraph['kind'], marker: string | null, text: string): string {
  switch (kind) {
    case 'heading':
      // A heading is one line in Markdown.
      return (
        '#'.repeat(headingLevel(marker)) +
        ' ' +
        text
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== '')
          .join(' ')
      );
    case 'list-item': {
      const prefix = (marker ?? '-') + ' ';
      const indent = ' '.repeat(prefix.length);
      return text
        .split('\n')
        .map((line, i) => (i === 0 ? prefix + line : line === '' ? '' : indent + line))
        .join('\n');
    }
    case 'quote':
      return text
        .split('\n')
        .map((line) => (line === '' ? '>' : '> ' + line))
        .join('\n');
    case 'paragraph':
      return text;
  }
}

export function renderDocument(input: {
  paragraphs: (Pick<Paragraph, 'kind' | 'marker' | 'target' | 'source'> & Partial<Pick<Paragraph, 'codes'>>)[];
  format: ExportFormat;
  mode: ExportMode;
  footer: string | null;
  draftNotice: string | null;
}): string {
  // `mode` does not change the rendering today: both modes show a missing translation the same way.
  const { paragraphs, format, footer, draftNotice } = input;
  const blocks: string[] = [];
  for (const p of paragraphs) {
    // Inline tokens (shared/inline) become Markdown markup, or plain text.
    const inline = (t: string): string => (format === 'md' ? renderMarkdown(t, p.codes ?? []) : renderPlainText(t, p.codes ?? []));
    const target = tidy(inline(p.target));
    const source = tidy(inline(p.source));
    // Publish mode never gets here with an empty target (the gate); if it does, the gap is
    // made visible the same way as in a draft rather than silently dropped.
    const text = target !== '' ? target : source === '' ? '' : UNTRANSLATED_PREFIX + source;
    if (text === '') continue;
    blocks.push(format === 'md' ? renderMarkdownBlock(p.kind, p.marker, text) : text);
  }

  let body = blocks.join('\n\n');
  if (footer !== null && tidy(footer) !== '' && !endsWithFooter(body, footer)) {
    body = body === '' ? tidy(footer) : `${body}\n\n${tidy(footer)}`;
  }
  const notice = draftNotice === null ? '' : tidy(draftNotice);
  const out = notice === '' ? body : body === '' ? notice : `${notice}\n\n${body}`;
  // Every part is tidy, so `out` has no trailing newline of its own.
  return out + '\n';
}
