/**
 * XLIFF 2.0: one <unit> per paragraph, one <segment> with its state; the machine translation in
 * the Translation Candidates module (<mtc:match type="mt">); the sign-off as a note. No footer.
 */
import { originKind, type ExportDocument, type ExportParagraph } from '../model.js';
import { escapeXml } from '../text.js';
import { xliff20State } from './xliffStates.js';
import { originalDataElement } from '../../../shared/inline/xliffWrite.js';
import { structureKind } from '../../import/formats/xliffStructure.js';
import { xliffSegment } from './xliffText.js';

/**
 * The target's origin in the Metadata module (issue 12), read back by Verso's importer: origin
 * (mt / tm / human / unknown), and for MT the engine's id, name, version and time.
 */
function provenanceMetadata(p: ExportParagraph): string[] {
  const kind = originKind(p);
  if (kind === null) return [];
  const meta: [string, string][] = [['origin', kind]];
  if (p.mt) {
    meta.push(
      ['engine', p.mt.engineId],
      ['engineName', p.engineName ?? p.mt.engineId],
      ['engineVersion', p.mt.engineVersion],
      ['createdAt', p.mt.createdAt],
    );
  }
  if (p.origin?.tool) meta.push(['importedFrom', p.origin.tool]);
  if (p.origin?.declaredHuman)
    meta.push(['declaredHumanBy', p.origin.declaredHuman.name], ['declaredHumanReason', p.origin.declaredHuman.reason]);
  return [
    '      <mda:metadata>',
    '        <mda:metaGroup category="verso:provenance" appliesTo="target">',
    ...meta.map(([type, value]) => `          <mda:meta type="${escapeXml(type)}">${escapeXml(value)}</mda:meta>`),
    '        </mda:metaGroup>',
    '      </mda:metadata>',
  ];
}

/** The engine as a valid subType (`prefix:value`, no white space or colon in the value): `verso:` + its id, percent-encoded. */
export function engineSubType(engineId: string): string | null {
  return engineId === '' ? null : `verso:${encodeURIComponent(engineId)}`;
}

export function writeXliff20(doc: ExportDocument): string {
  const a = escapeXml;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" xmlns:mda="urn:oasis:names:tc:xliff:metadata:2.0" version="2.0" srcLang="${a(doc.sourceLang)}" trgLang="${a(doc.targetLang)}">`,
    `  <file id="f1" original="${a(doc.id)}">`,
    '    <notes>',
    `      <note category="title">${a(doc.title)}</note>`,
  ];
  if (doc.draftNotice !== null) out.push(`      <note category="draft" priority="1">${a(doc.draftNotice.text)}</note>`);
  out.push('    </notes>');
  for (const p of doc.paragraphs) {
    const s = xliff20State(p.status);
    // translate="no": excluded from translation (issue 11); import reads it back as such.
    const kind = structureKind(p.kind, p.marker);
    out.push(
      `    <unit id="u${p.index + 1}" name="${a(p.id)}" xml:space="preserve"${kind !== null ? ` type="verso:${kind}"` : ''}${p.excluded ? ' translate="no"' : ''}>`,
    );
    out.push(...provenanceMetadata(p));
    if (p.mt) {
      // The candidate's inline codes and data get an `m` prefix: ids never repeat the segment's in one unit.
      const mtSource = xliffSegment(p.source, p.codes, '2.0', 'm');
      const mtTarget = xliffSegment(p.mt.text, p.codes, '2.0', 'm');
      const subType = engineSubType(p.mt.engineId);
      out.push('      <mtc:matches>');
      out.push(
        `        <mtc:match ref="#s${p.index + 1}" type="mt" origin="${a(p.engineName ?? p.mt.engineId)}"${subType !== null ? ` subType="${a(subType)}"` : ''}>`,
      );
      const data = originalDataElement([...mtSource.data, ...mtTarget.data], '          ');
      if (data !== '') out.push(data);
      out.push(`          <source>${mtSource.content}</source>`);
      out.push(`          <target>${mtTarget.content}</target>`);
      out.push('        </mtc:match>');
      out.push('      </mtc:matches>');
    }
    const notes: string[] = [];
    if (p.mt) notes.push(`<note category="mt">${a(`${p.engineName ?? p.mt.engineId} ${p.mt.engineVersion}, ${p.mt.createdAt}`)}</note>`);
    if (p.signOff) notes.push(`<note category="sign-off">${a(`${p.signOff.name} ${p.signOff.at} sha256:${p.signOff.textHash}`)}</note>`);
    if (notes.length > 0) out.push('      <notes>', ...notes.map((n) => '        ' + n), '      </notes>');
    const source = xliffSegment(p.source, p.codes, '2.0');
    const target = p.status !== 'new' ? xliffSegment(p.target, p.codes, '2.0') : null;
    const data = originalDataElement([...source.data, ...(target?.data ?? [])], '      ');
    if (data !== '') out.push(data);
    out.push(`      <segment id="s${p.index + 1}" state="${s.state}" subState="${s.subState}">`);
    out.push(`        <source xml:space="preserve">${source.content}</source>`);
    if (target !== null) out.push(`        <target xml:space="preserve">${target.content}</target>`);
    out.push('      </segment>', '    </unit>');
  }
  out.push('  </file>', '</xliff>');
  return out.join('\n') + '\n';
}
