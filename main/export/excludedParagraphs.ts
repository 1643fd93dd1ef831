/**
 * What each export format does with paragraphs excluded from translation (issue 11):
 * - publish-ready text formats (txt, md, html, docx): left out, or kept as their source text, by
 *   the document's choice (`exclusion_documents.excluded_export`);
 * - TMX and the attestation: never (they are not translations, and not part of the published work);
 * - XLIFF (marked translate="no") and the provenance record (marked `excluded`): kept.
 */
import { FOOTER_FORMATS, type ExportFileFormat } from '../../shared/features/exportingApi.js';
import type { ExcludedExport } from '../../shared/features/exclusionApi.js';
import type { ExportParagraph } from './model.js';

export function paragraphsForFormat(
  format: ExportFileFormat,
  paragraphs: readonly ExportParagraph[],
  choice: ExcludedExport,
): ExportParagraph[] {
  if (FOOTER_FORMATS.includes(format)) {
    if (choice === 'omit') return paragraphs.filter((p) => !p.excluded);
    // Kept as written in the source: no MT, no engine (so the footer does not name one for it).
    return paragraphs.map((p) => (p.excluded ? { ...p, target: p.source, mt: null, engineName: null } : p));
  }
  if (format === 'tmx' || format === 'attestation') return paragraphs.filter((p) => !p.excluded);
  return [...paragraphs];
}
