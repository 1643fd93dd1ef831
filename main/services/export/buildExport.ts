/** One export, from the request to the file's name and bytes; shared by the API service and the CLI. */
import type { ExportFileFormat, ExportFileResult } from '../../../shared/features/exportingApi.js';
import type { ExportMode } from '../../../shared/types.js';
import type { ServiceDeps } from '../context.js';
import { slugify } from '../../export/naming.js';
import { collectExport } from './collectExport.js';
import { FORMAT_WRITERS } from '../../export/formats/index.js';
import { isTmxUnit } from '../../export/formats/tmx.js';

export interface BuiltExport {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  /** The text when the format is text (everything but DOCX). */
  text: string | null;
  draft: boolean;
  footer: boolean;
  warnings: ExportFileResult['warnings'];
}

export async function buildExport(
  deps: ServiceDeps,
  input: { documentId: string; format: ExportFileFormat; mode: ExportMode },
): Promise<BuiltExport> {
  const { doc, warnings } = collectExport(deps, input);
  const writer = FORMAT_WRITERS[input.format];
  const content = await writer.write(doc);
  const draft = input.mode === 'draft';
  const text = typeof content === 'string' ? content : null;
  if (input.format === 'tmx') {
    const kept = doc.paragraphs.filter((p) => !p.excluded);
    const units = kept.filter(isTmxUnit).length;
    if (units < kept.length) warnings.push({ code: 'TMX_SIGNED_OFF_ONLY', units, paragraphs: kept.length });
  }
  return {
    fileName: `${slugify(doc.title)}.${doc.targetLang}${draft ? '.draft' : ''}.${writer.extension}`,
    mimeType: writer.mimeType,
    bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content,
    text,
    draft,
    footer: doc.footer !== null,
    warnings,
  };
}

export function toResult(built: BuiltExport): ExportFileResult {
  return {
    fileName: built.fileName,
    mimeType: built.mimeType,
    encoding: built.text !== null ? 'utf8' : 'base64',
    content: built.text ?? Buffer.from(built.bytes).toString('base64'),
    draft: built.draft,
    footer: built.footer,
    warnings: built.warnings,
  };
}
