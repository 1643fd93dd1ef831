/** Plain text: UTF-8, LF, paragraphs separated by a blank line, the footer after the last one. */
import type { ExportDocument, ExportParagraph } from '../model.js';
import { renderPlainText } from '../../../shared/inline/renderInline.js';
import { tidy, visibleText } from '../text.js';

/** The text of one paragraph: inline markup dropped, inline code as its text, line breaks kept. */
export function plainParagraphText(p: ExportParagraph): string {
  const text = visibleText(p);
  return p.codes.length === 0 ? text : renderPlainText(text, p.codes);
}

export function writePlainText(doc: ExportDocument): string {
  const blocks: string[] = [];
  if (doc.draftNotice !== null) blocks.push(tidy(doc.draftNotice.text));
  for (const p of doc.paragraphs) {
    const text = plainParagraphText(p);
    if (text !== '') blocks.push(text);
  }
  if (doc.footer) for (const line of doc.footer.lines) blocks.push(tidy(line));
  return blocks.filter((b) => b !== '').join('\n\n') + '\n';
}
