/**
 * XLIFF 1.2: one <trans-unit> per paragraph with its state, the machine translation as <alt-trans>
 * (origin = engine), the sign-off as a note. The disclosure footer is not a translation unit and
 * never appears here.
 */
import { originKind, type ExportDocument, type ExportParagraph } from '../model.js';
import { escapeXml } from '../text.js';
import { xliff12State } from './xliffStates.js';
import { structureKind } from '../../import/formats/xliffStructure.js';
import { xmlSegmentText } from './xliffText.js';

/**
 * The target's origin (issue 12) as a JSON note Verso's importer reads back: XLIFF 1.2 strict has
 * no attribute for it (its state-qualifier and <alt-trans origin> carry MT, which other tools read).
 */
function originNote(p: ExportParagraph): string | null {
  const kind = originKind(p);
  if (kind === null) return null;
  const value: Record<string, string> = { origin: kind };
  if (p.mt)
    Object.assign(value, {
      engine: p.mt.engineId,
      engineName: p.engineName ?? p.mt.engineId,
      engineVersion: p.mt.engineVersion,
      createdAt: p.mt.createdAt,
    });
  if (p.origin?.tool) value['importedFrom'] = p.origin.tool;
  return JSON.stringify(value);
}

/** The start of a Verso XLIFF 1.2 file, up to <body>: the file, Verso as its tool, and Verso's notes (title first). */
export function xliff12Head(doc: ExportDocument, notes: readonly string[]): string[] {
  const a = escapeXml;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
    `  <file original="${a(doc.id)}" source-language="${a(doc.sourceLang)}" target-language="${a(doc.targetLang)}" datatype="plaintext" tool-id="verso">`,
    '    <header>',
    `      <tool tool-id="verso" tool-name="Verso" tool-version="${a(doc.toolVersion)}"/>`,
    `      <note from="verso">${a(doc.title)}</note>`,
    ...notes,
    '    </header>',
    '    <body>',
  ];
}

/** A paragraph's <trans-unit> attributes: ids, structure (x-verso-KIND), excluded as translate="no" (issue 11). */
export function transUnitAttrs(p: ExportParagraph): string[] {
  const attrs = [`id="${p.index + 1}"`, `resname="${escapeXml(p.id)}"`, 'xml:space="preserve"'];
  const kind = structureKind(p.kind, p.marker);
  if (kind !== null) attrs.push(`restype="x-verso-${kind}"`);
  if (p.excluded) attrs.push('translate="no"');
  return attrs;
}

export function writeXliff12(doc: ExportDocument): string {
  const a = escapeXml;
  const out = xliff12Head(doc, doc.draftNotice !== null ? [`      <note from="verso" priority="1">${a(doc.draftNotice.text)}</note>`] : []);
  for (const p of doc.paragraphs) {
    const s = xliff12State(p.status);
    const attrs = transUnitAttrs(p);
    if (s.approved) attrs.push('approved="yes"');
    out.push(`      <trans-unit ${attrs.join(' ')}>`);
    out.push(`        <source xml:lang="${a(doc.sourceLang)}">${xmlSegmentText(p.source, p.codes, '1.2')}</source>`);
    if (s.state !== null) {
      const tattrs = [`xml:lang="${a(doc.targetLang)}"`, `state="${s.state}"`];
      if (s.qualifier) tattrs.push(`state-qualifier="${s.qualifier}"`);
      out.push(`        <target ${tattrs.join(' ')}>${xmlSegmentText(p.target, p.codes, '1.2')}</target>`);
    }
    if (p.mt) {
      out.push(`        <alt-trans origin="${a(p.engineName ?? p.mt.engineId)}" alttranstype="proposal">`);
      out.push(
        `          <target xml:lang="${a(p.mt.targetLang)}" xml:space="preserve">${xmlSegmentText(p.mt.text, p.codes, '1.2')}</target>`,
      );
      out.push(`          <note from="verso">engine ${a(p.mt.engineId)} ${a(p.mt.engineVersion)}, ${a(p.mt.createdAt)}</note>`);
      out.push('        </alt-trans>');
    }
    const origin = originNote(p);
    if (origin !== null) out.push(`        <note from="verso:origin" annotates="target">${a(origin)}</note>`);
    if (p.signOff)
      out.push(`        <note from="${a(p.signOff.name)}">signed off ${a(p.signOff.at)} sha256:${a(p.signOff.textHash)}</note>`);
    out.push('      </trans-unit>');
  }
  out.push('    </body>', '  </file>', '</xliff>');
  return out.join('\n') + '\n';
}
