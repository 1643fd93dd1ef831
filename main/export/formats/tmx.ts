/**
 * TMX 1.4b of the signed-off paragraphs only: each <tu> carries who created and changed it and
 * when (creationid/creationdate: the import; changeid/changedate: the sign-off). No footer.
 */
import type { ExportDocument } from '../model.js';
import { escapeXml } from '../text.js';
import { renderTmxSeg } from '../../memory/tmxInline.js';
import { tmxOriginMarkup } from '../../memory/tmx.js';
import type { TmMtOrigin } from '../../../shared/features/memoryApi.js';

/** What the unit's props say about its origin (issue 12), as the TM's own TMX export writes it. */
function mtOriginOf(p: ExportDocument['paragraphs'][number]): TmMtOrigin | null {
  if (p.mt)
    return { kind: 'mt', engineId: p.mt.engineId, engineName: p.engineName, engineVersion: p.mt.engineVersion, createdAt: p.mt.createdAt };
  return p.origin?.kind === 'unknown' && p.origin.declaredHuman === null ? { kind: 'unknown' } : null;
}

/** ISO 8601 as TMX's basic format: YYYYMMDDThhmmssZ. */
export function tmxDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`Not a date: ${iso}`);
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** Line ends as XML reads them, NFC (as the XLIFF writers). */
const segText = (text: string): string => text.replace(/\r\n?/g, '\n').normalize('NFC');

/** A paragraph the TMX holds: signed off, translated and not excluded. */
export function isTmxUnit(p: ExportDocument['paragraphs'][number]): boolean {
  return p.status === 'signed-off' && p.signOff !== null && p.target.trim() !== '' && !p.excluded;
}

export function writeTmx(doc: ExportDocument): string {
  const a = escapeXml;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tmx version="1.4">',
    `  <header creationtool="Verso" creationtoolversion="${a(doc.toolVersion)}" segtype="paragraph" o-tmf="Verso" adminlang="en" srclang="${a(doc.sourceLang)}" datatype="plaintext" creationdate="${tmxDate(doc.exportedAt)}">`,
    `    <prop type="x-verso-document">${a(doc.id)}</prop>`,
  ];
  if (doc.draftNotice !== null) out.push(`    <note>${a(doc.draftNotice.text)}</note>`);
  out.push('  </header>', '  <body>');
  for (const p of doc.paragraphs) {
    if (!isTmxUnit(p) || !p.signOff) continue;
    const attrs = [
      `tuid="${a(p.id)}"`,
      `creationid="${a(p.created.name)}"`,
      `creationdate="${tmxDate(p.created.at)}"`,
      `changeid="${a(p.signOff.name)}"`,
      `changedate="${tmxDate(p.signOff.at)}"`,
    ];
    if (p.mt) attrs.push(`creationtool="${a(p.engineName ?? p.mt.engineId)}"`);
    out.push(`    <tu ${attrs.join(' ')}>`);
    if (p.mt) out.push(`      <prop type="x-mt-engine">${a(p.mt.engineId)} ${a(p.mt.engineVersion)}</prop>`);
    out.push(`      <prop type="x-sha256">${a(p.signOff.textHash)}</prop>`);
    const origin = tmxOriginMarkup(mtOriginOf(p));
    out.push(...origin.props.map((x) => `      ${x}`));
    // Inline codes as TMX codes (issue 14, TMX level 2), valid against tmx14.dtd.
    out.push(`      <tuv xml:lang="${a(doc.sourceLang)}"><seg>${renderTmxSeg(segText(p.source), p.codes)}</seg></tuv>`);
    out.push(`      <tuv xml:lang="${a(doc.targetLang)}"${origin.tuvAttrs}><seg>${renderTmxSeg(segText(p.target), p.codes)}</seg></tuv>`);
    out.push('    </tu>');
  }
  out.push('  </body>', '</tmx>');
  return out.join('\n') + '\n';
}
