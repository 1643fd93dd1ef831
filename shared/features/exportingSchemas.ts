/** zod schemas for the methods of `ExportingApi`. */
import { z } from 'zod';
import { EXPORT_FILE_FORMATS, type ExportingApi } from './exportingApi.js';
import { FOOTER_LIMITS } from './exportingFooter.js';
import type { SchemaMap } from '../schemaMap.js';
import { safeText } from '../safeText.js';

const id = z.string().min(1).max(64);
const langTag = z.string().min(2).max(35);
/** Why an editorial setting changed (audit record); blank counts as none. */
export const changeReason = safeText(z.string().max(500), { multiline: true });

export const exportingSchemas = {
  exportFile: z.object({ documentId: id, format: z.enum(EXPORT_FILE_FORMATS), mode: z.enum(['publish', 'draft']) }).strict(),
  listFooterTemplates: z.object({}).strict(),
  saveFooterTemplate: z
    .object({ lang: langTag, lines: z.array(safeText(z.string().max(FOOTER_LIMITS.lineChars), { multiline: true, bidi: true })).min(1).max(FOOTER_LIMITS.lines), reason: changeReason.optional() })
    .strict(),
  resetFooterTemplate: z.object({ lang: langTag, reason: changeReason.optional() }).strict(),
  listSettingsChanges: z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
} satisfies SchemaMap<ExportingApi>;
