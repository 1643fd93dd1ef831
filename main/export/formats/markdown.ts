/**
 * Markdown (CommonMark): headings, list items and quotes restored from the block kinds; text
 * escaped so a translation can never turn into markup (links, HTML, emphasis) it did not have.
 */
import type { ExportDocument, ExportParagraph } from '../model.js';
import { renderMarkdown } from '../../../shared/inline/renderInline.js';
import { tidy, visibleText } from '../text.js';

/** Escapes CommonMark's inline and line-start syntax in one line of plain text. */
export function escapeMarkdownLine(line: string): string {
  let out = line.replace(/[\\`*_[\]<>|~]/g, (c) => '\\' + c).replace(/&(?=[#A-Za-z0-9]+;)/g, '&amp;');
  // Line-start constructs: ATX headings, quotes, list markers, thematic breaks, ordered lists.
  out = out.replace(/^(\s*)([#>+\-=])/, '$1\\$2').replace(/^(\s*\d{1,9})([.)])/, '$1\\$2');
  return out;
}

const escapeLines = (text: string): string =>
  text
    .split('\n')
    .map((l) => escapeMarkdownLine(l))
    .join('\n');

/** The Markdown text of one paragraph: its own text escaped, its inline codes (emphasis, links, code) restored. */
export function markdownParagraphText(p: ExportParagraph): string {
  const text = visibleText(p);
  return p.codes.length === 0 ? escapeLines(text) : renderMarkdown(text, p.codes, escapeLines);
}

function headingLevel(marker: string | null): number {
  const n = marker === null ? NaN : Number.parseInt(marker, 10);
  return Number.isInteger(n) ? Math.min(6, Math.max(1, n)) : 1;
}

function block(p: ExportParagraph, text: string): string {
  switch (p.kind) {
    case 'heading':
      return (
        '#'.repeat(headingLevel(p.marker)) +
        ' ' +
        text
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== '')
          .join(' ')
      );
    case 'list-item': {
      const prefix = (p.marker !== null && /^\d{1,9}[.)]$/.test(p.marker) ? p.marker : '-') + ' ';
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

export function writeMarkdown(doc: ExportDocument): string {
  const blocks: string[] = [];
  if (doc.draftNotice !== null) blocks.push(escapeMarkdownLine(tidy(doc.draftNotice.text)));
  for (const p of doc.paragraphs) {
    const text = markdownParagraphText(p);
    if (text !== '') blocks.push(block(p, text));
  }
  if (doc.footer) {
    blocks.push('---');
    for (const line of doc.footer.lines) blocks.push(escapeMarkdownLine(tidy(line)));
  }
  return blocks.join('\n\n') + '\n';
}
