/**
 * "Export for another CAT tool" (issue 14): XLIFF 1.2 that tools which translate the <target>
 * (OmegaT 3.6's own XLIFF filter, like files prepared by Okapi Rainbow) translate from the source.
 * Every unit has a <target> that is a copy of its <source>, state="needs-translation", so such a
 * tool shows the source text to translate and writes its translation in its place; tools that read
 * the source (Trados, memoQ) see an untranslated unit. Verso's own translations go with it as a TMX
 * (a separate export), never as targets. Every paragraph is a unit, so a re-import of the tool's
 * file lines up with the document; excluded paragraphs carry translate="no". Inline codes are
 * written by the shared renderer (`xmlSegmentText`).
 */
import { escapeXml, escapeXmlAttribute } from '../../../shared/xml/escapeXml.js';
import type { ExportDocument, ExportParagraph } from '../model.js';
import { xmlSegmentText } from './xliffText.js';

/** The unit's paragraph structure, by the contract between Verso's XLIFF writers and readers (restype x-verso-KIND). */
export function versoRestype(p: Pick<ExportParagraph, 'kind' | 'marker'>): string | null {
  switch (p.kind) {
    case 'heading':
      return /^[1-6]$/.test(p.marker ?? '') ? `x-verso-heading-${p.marker!}` : 'x-verso-heading-1';
    case 'list-item': {
      const ordinal = /^(\d{1,9})[.)]?$/.exec(p.marker ?? '')?.[1];
      return ordinal ? `x-verso-list-item-${ordinal}` : 'x-verso-list-item';
    }
    case 'quote':
      return 'x-verso-quote';
    default:
      return null;
  }
}

export function writeXliff12Cat(doc: ExportDocument): string {
  const a = escapeXmlAttribute;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
    `  <file original="${a(doc.id)}" source-language="${a(doc.sourceLang)}" target-language="${a(doc.targetLang)}" datatype="plaintext" tool-id="verso">`,
    '    <header>',
    `      <tool tool-id="verso" tool-name="Verso" tool-version="${a(doc.toolVersion)}"/>`,
    `      <note from="verso">${escapeXml(doc.title)}</note>`,
    '      <note from="verso" annotates="general">Targets are copies of the sources, to be translated (for tools that translate the target).</note>',
    '    </header>',
    '    <body>',
  ];
  for (const p of doc.paragraphs) {
    const attrs = [`id="${p.index + 1}"`, `resname="${a(p.id)}"`, 'xml:space="preserve"'];
    const restype = versoRestype(p);
    if (restype) attrs.push(`restype="${restype}"`);
    if (p.excluded) attrs.push('translate="no"');
    const source = xmlSegmentText(p.source, p.codes, '1.2');
    out.push(`      <trans-unit ${attrs.join(' ')}>`);
    out.push(`        <source xml:lang="${a(doc.sourceLang)}">${source}</source>`);
    out.push(`        <target xml:lang="${a(doc.targetLang)}" state="needs-translation">${source}</target>`);
    out.push('      </trans-unit>');
  }
  out.push('    </body>', '  </file>', '</xliff>');
  return out.join('\n') + '\n';
}
