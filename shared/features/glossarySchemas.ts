/** zod schemas for the methods of `GlossaryApi` (lengths are checked again, with clear errors, by the service). */
import { z } from 'zod';
import type { GlossaryApi } from './glossaryApi.js';
import type { SchemaMap } from '../schemaMap.js';
import { GLOSSARY_LIMITS } from '../glossary/normalize.js';
import { safeText } from '../safeText.js';

const id = z.string().min(1).max(64);
const langTag = z.string().min(2).max(35);
const empty = z.object({}).strict();
// Generous: the service reports a too-long term with its own error code and the limit.
// Glossary text may be right-to-left (bidi marks allowed); never C0/C1 controls (notes keep line breaks).
const text = safeText(z.string().max(GLOSSARY_LIMITS.noteChars * 4), { multiline: true, bidi: true });
const term = z
  .object({
    source: text,
    target: text,
    note: text.optional(),
    definition: text.optional(),
    forbidden: z.array(text).max(GLOSSARY_LIMITS.forbiddenVariants * 4).optional(),
    caseSensitive: z.boolean().optional(),
  })
  .strict();
const format = z.enum(['csv', 'tbx']);
const tbxVersion = z.enum(['v2', 'v3']);

export const glossarySchemas = {
  listGlossaryPairs: empty,
  listGlossaryTerms: z.object({ sourceLang: langTag, targetLang: langTag }).strict(),
  listDocumentGlossary: z.object({ documentId: id }).strict(),
  addGlossaryTerm: z.object({ sourceLang: langTag, targetLang: langTag, term }).strict(),
  updateGlossaryTerm: z.object({ termId: id, term }).strict(),
  deleteGlossaryTerm: z.object({ termId: id }).strict(),
  importGlossary: z
    .object({
      sourceLang: langTag,
      targetLang: langTag,
      fileName: z.string().min(1).max(255),
      // base64 grows 4/3; a little slack so the service can report the size itself.
      dataBase64: z.string().max(Math.ceil((GLOSSARY_LIMITS.importBytes * 4) / 3) + 4096),
      format: format.optional(),
      mode: z.enum(['merge', 'replace']),
    })
    .strict(),
  exportGlossary: z.object({ sourceLang: langTag, targetLang: langTag, format, tbxVersion: tbxVersion.optional() }).strict(),
} satisfies SchemaMap<GlossaryApi>;
