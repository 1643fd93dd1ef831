/** zod schemas for the methods of `MemoryApi`. */
import { z } from 'zod';
import type { MemoryApi } from './memoryApi.js';
import type { SchemaMap } from '../schemaMap.js';
import { TMX_MAX_BYTES } from '../memory/limits.js';

const id = z.string().min(1).max(64);
const langTag = z.string().min(2).max(35);
const pair = { sourceLang: langTag, targetLang: langTag };

export const memorySchemas = {
  lookupTm: z.object({ paragraphId: id }).strict(),
  applyTmMatch: z.object({ paragraphId: id, unitId: z.number().int().positive() }).strict(),
  listTmProvenance: z.object({ paragraphId: id }).strict(),
  prefillTmMatches: z.object({ documentId: id }).strict(),
  searchTmConcordance: z.object({ ...pair, query: z.string().max(500) }).strict(),
  importTmx: z
    .object({
      ...pair,
      fileName: z.string().min(1).max(255),
      // base64 grows 4/3; a little slack so the service reports the size itself (TMX_TOO_LARGE).
      dataBase64: z.string().max(Math.ceil((TMX_MAX_BYTES * 4) / 3) + 1024),
      mode: z.enum(['merge', 'replace']),
    })
    .strict(),
  exportTmx: z.object(pair).strict(),
  getTmStats: z.object(pair).strict(),
  getMemorySettings: z.object({}).strict(),
  updateMemorySettings: z.object({ prefillExact: z.boolean() }).partial().strict(),
} satisfies SchemaMap<MemoryApi>;
