/** zod schemas for the methods of `ProvenanceApi`. */
import { z } from 'zod';
import { ORIGIN_REASON_MAX, type ProvenanceApi } from './provenanceApi.js';
import type { SchemaMap } from '../schemaMap.js';
import { safeText } from '../safeText.js';
import { LIMITS } from '../limits.js';

const id = z.string().min(1).max(64);

export const provenanceSchemas = {
  getDocumentOrigins: z.object({ documentId: id }).strict(),
  // The reason's emptiness is the service's to refuse, with its own message.
  declareHumanOrigin: z
    .object({ documentId: id, reason: safeText(z.string().max(ORIGIN_REASON_MAX), { multiline: true }), paragraphIds: z.array(id).min(1).max(LIMITS.paragraphIds).optional() })
    .strict(),
} satisfies SchemaMap<ProvenanceApi>;
