/** Plain text: UTF-8, LF, paragraphs separated by a blank line, the footer after the last one. */
import type { ExportDocument, ExportParagraph } from '../model.js';
import { tidy, visibleText } from '../text.js';

/** The text of one paragraph (swap for an inline-aware renderer when paragraphs carry formatting). */
export function plainParagraphText(p: ExportParagraph): string {
  return visibleText(p);
}

export function writePlainText(doc: ExportDocument): string {
  const blocks: string[] = [];
  if (doc.draftNotice !== null) blocks.push(tidy(doc.draftNotice));
  for (const p of doc.paragraphs) {
    const text = plainParagraphText(p);
    if (text !== '') blocks.push(text);
  }
  if (doc.footer) for (const line of doc.footer.lines) blocks.push(tidy(line));
  return blocks.filter((b) => b !== '').join('\n\n') + '\n';
}
