/** Reads a DOCX back (fflate + saxes) into its paragraphs: style id and text, for tests. */
import { unzipSync, strFromU8 } from 'fflate';
import { SaxesParser } from 'saxes';

export interface DocxParagraph {
  style: string | null;
  text: string;
}

export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

export function docxParagraphs(bytes: Uint8Array): DocxParagraph[] {
  const xml = docxParts(bytes)['word/document.xml'];
  if (xml === undefined) throw new Error('No word/document.xml');
  const out: DocxParagraph[] = [];
  let current: DocxParagraph | null = null;
  let inText = false;
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => {
    if (tag.name === 'w:p') current = { style: null, text: '' };
    else if (tag.name === 'w:pStyle' && current) current.style = String(tag.attributes['w:val'] ?? '');
    else if (tag.name === 'w:t') inText = true;
    else if (tag.name === 'w:br' && current) current.text += '\n';
  });
  parser.on('text', (text) => {
    if (inText && current) current.text += text;
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:t') inText = false;
    else if (tag.name === 'w:p' && current) {
      out.push(current);
      current = null;
    }
  });
  parser.write(xml).close();
  return out;
}
