/** zod schemas for the methods of `ReplaceApi`. */
import { z } from 'zod';
import type { ReplaceApi } from './replaceApi.js';
import type { SchemaMap } from '../schemaMap.js';
import { LIMITS } from '../limits.js';
import { safeText } from '../safeText.js';

const id = z.string().min(1).max(64);
const text = z.string().max(LIMITS.paragraphChars);
// The replaced text ends up in a translation: no C0/C1 controls (bidi marks and line breaks are text).
const replaced = safeText(z.string().max(LIMITS.paragraphChars), { multiline: true, bidi: true });

export const replaceSchemas = {
  replaceAllInTargets: z
    .object({
      documentId: id,
      changes: z
        .array(z.object({ paragraphId: id, before: text, after: replaced, occurrences: z.number().int().min(1).max(LIMITS.paragraphChars) }).strict())
        .min(1)
        .max(LIMITS.paragraphIds),
      withdrawSignOffs: z.boolean().optional(),
    })
    .strict(),
  undoReplaceAll: z.object({ batchId: id }).strict(),
} satisfies SchemaMap<ReplaceApi>;
