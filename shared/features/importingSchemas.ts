/** zod schemas for the methods of `ImportingApi`. */
import { z } from 'zod';
import type { ImportingApi } from './importingApi.js';
import type { SchemaMap } from '../schemaMap.js';
import { LIMITS } from '../limits.js';
import { HTML_EXTRACTS, PASTE_FORMATS } from '../import/importedDocument.js';
import { safeText } from '../safeText.js';

const id = z.string().min(1).max(64);

/** The same shape as the core `importDocument` source (text or a base64 file). */
export const importSourceSchema = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('text'), text: z.string().max(LIMITS.importBytes), format: z.enum(PASTE_FORMATS), extract: z.enum(HTML_EXTRACTS).optional() })
    .strict(),
  z
    .object({
      kind: z.literal('file'),
      fileName: z.string().min(1).max(255),
      dataBase64: z.string().max(Math.ceil((LIMITS.importFileBytes * 4) / 3) + 1024),
      extract: z.enum(HTML_EXTRACTS).optional(),
    })
    .strict(),
]);

/** Most paragraphs and longest paragraph of an import (main/import/limits.ts checks them again). */
const MAX_PARAGRAPHS = LIMITS.documentParagraphs;
const MAX_PARAGRAPH_CHARS = 20_000;
const langTag = z.string().min(2).max(35);

export const importingSchemas = {
  alignBilingual: z.object({ source: importSourceSchema, translation: importSourceSchema }).strict(),
  importBilingual: z
    .object({
      source: importSourceSchema,
      targets: z.array(safeText(z.string().max(MAX_PARAGRAPH_CHARS), { multiline: true, bidi: true })).max(MAX_PARAGRAPHS),
      sourceLang: langTag,
      targetLang: langTag,
      title: safeText(z.string().max(500)).optional(),
    })
    .strict(),
  // `tool`: who translated an XLIFF whose header names only Verso (a CAT tool that keeps the header, e.g. OmegaT).
  reimportDocument: z.object({ documentId: id, source: importSourceSchema, tool: safeText(z.string().trim().min(1).max(100)).optional() }).strict(),
  listReopenedParagraphs: z.object({ documentId: id }).strict(),
} satisfies SchemaMap<ImportingApi>;
