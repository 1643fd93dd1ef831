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
import { escapeXmlAttribute } from '../../../shared/xml/escapeXml.js';
import type { ExportDocument } from '../model.js';
import { transUnitAttrs, xliff12Head } from './xliff12.js';
import { xmlSegmentText } from './xliffText.js';

export function writeXliff12Cat(doc: ExportDocument): string {
  const a = escapeXmlAttribute;
  const out = xliff12Head(doc, [
    '      <note from="verso" annotates="general">Targets are copies of the sources, to be translated (for tools that translate the target).</note>',
  ]);
  for (const p of doc.paragraphs) {
    const attrs = transUnitAttrs(p);
    const source = xmlSegmentText(p.source, p.codes, '1.2');
    out.push(`      <trans-unit ${attrs.join(' ')}>`);
    out.push(`        <source xml:lang="${a(doc.sourceLang)}">${source}</source>`);
    out.push(`        <target xml:lang="${a(doc.targetLang)}" state="needs-translation">${source}</target>`);
    out.push('      </trans-unit>');
  }
  out.push('    </body>', '  </file>', '</xliff>');
  return out.join('\n') + '\n';
}
