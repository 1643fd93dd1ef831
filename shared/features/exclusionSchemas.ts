/** zod schemas for the methods of `ExclusionApi`. */
import { z } from 'zod';
import type { ExclusionApi } from './exclusionApi.js';
import { EXCLUDED_EXPORT_CHOICES } from './exclusionApi.js';
import type { SchemaMap } from '../schemaMap.js';
import { LIMITS } from '../limits.js';

const id = z.string().min(1).max(64);

export const exclusionSchemas = {
  setParagraphsExcluded: z
    .object({ paragraphIds: z.array(id).min(1).max(LIMITS.paragraphIds), excluded: z.boolean(), withdrawSignOffs: z.boolean().optional() })
    .strict(),
  getExclusionSettings: z.object({ documentId: id }).strict(),
  setExclusionSettings: z.object({ documentId: id, excludedExport: z.enum(EXCLUDED_EXPORT_CHOICES) }).strict(),
} satisfies SchemaMap<ExclusionApi>;
