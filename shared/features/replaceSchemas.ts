/** zod schemas for the methods of `ReplaceApi`. */
import { z } from 'zod';
import type { ReplaceApi } from './replaceApi.js';
import type { SchemaMap } from '../schemaMap.js';
import { LIMITS } from '../limits.js';

const id = z.string().min(1).max(64);
const text = z.string().max(LIMITS.paragraphChars);

export const replaceSchemas = {
  replaceAllInTargets: z
    .object({
      documentId: id,
      changes: z
        .array(z.object({ paragraphId: id, before: text, after: text, occurrences: z.number().int().min(1).max(LIMITS.paragraphChars) }).strict())
        .min(1)
        .max(LIMITS.paragraphIds),
      withdrawSignOffs: z.boolean().optional(),
    })
    .strict(),
  undoReplaceAll: z.object({ batchId: id }).strict(),
} satisfies SchemaMap<ReplaceApi>;
