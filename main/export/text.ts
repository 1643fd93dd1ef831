/** Text helpers shared by the writers: line endings, NFC, trimmed lines. */

/** LF line endings, NFC, no trailing whitespace on any line, no blank lines around. */
export function tidy(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .normalize('NFC')
    .split('\n')
    .map((l) => l.trimEnd());
  let from = 0;
  let to = lines.length;
  while (from < to && lines[from] === '') from++;
  while (to > from && lines[to - 1] === '') to--;
  return lines.slice(from, to).join('\n');
}

/** Prefix put before the source text of a paragraph that has no translation yet (drafts only). */
export const UNTRANSLATED_PREFIX = '[untranslated] ';

/** The text a reader sees for a paragraph: its translation, or the marked source in a draft; '' to drop it. */
export function visibleText(p: { target: string; source: string }): string {
  const target = tidy(p.target);
  if (target !== '') return target;
  const source = tidy(p.source);
  return source === '' ? '' : UNTRANSLATED_PREFIX + source;
}

export { escapeXml } from '../../shared/xml/escapeXml.js';

/** The title a reader of the export sees: the translated first heading, else the document's title. */
export function exportTitle(doc: { title: string; paragraphs: readonly { kind: string; target: string }[] }): string {
  const heading = doc.paragraphs.find((p) => p.kind === 'heading' && tidy(p.target) !== '');
  return tidy(heading ? heading.target : doc.title).replace(/\s+/g, ' ');
}
