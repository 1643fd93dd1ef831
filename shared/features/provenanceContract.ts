/** Paragraph origins (issue 12): the methods, declared once (see provenanceApi.ts for unknown origins). */
import { z } from 'zod';
import { exactly, type ApiOf, type Contract } from '../contract/contract.js';
import { id, roleSchema } from '../contract/models.js';
import { LIMITS } from '../limits.js';
import { safeText } from '../safeText.js';
import { ORIGIN_REASON_MAX, type DocumentOrigins } from './provenanceApi.js';

const documentOrigins = exactly<DocumentOrigins>()(
  z.object({
    unknown: z.array(
      z.object({
        paragraphId: z.string(),
        number: z.number(),
        tool: z.string().nullable(),
        declaredHuman: z.object({ name: z.string(), role: roleSchema, at: z.string(), reason: z.string() }).nullable(),
      }),
    ),
  }),
);

export const provenanceContract = {
  getDocumentOrigins: { input: z.object({ documentId: id }).strict(), output: documentOrigins, errors: ['DOCUMENT_NOT_FOUND'] },
  /**
   * An editor declares the document's undeclared unknown origins human (all of them, or the
   * `paragraphIds` named), with a reason. Translators are refused (ORIGIN_DECLARE_NEEDS_EDITOR).
   * The reason's emptiness is the service's to refuse, with its own message.
   */
  declareHumanOrigin: {
    input: z
      .object({
        documentId: id,
        reason: safeText(z.string().max(ORIGIN_REASON_MAX), { multiline: true }),
        paragraphIds: z.array(id).min(1).max(LIMITS.paragraphIds).optional(),
      })
      .strict(),
    output: documentOrigins,
    errors: ['NO_PROFILE', 'DOCUMENT_NOT_FOUND', 'ORIGIN_DECLARE_NEEDS_EDITOR', 'ORIGIN_REASON_REQUIRED', 'ORIGIN_NOTHING_UNKNOWN'],
  },
} as const satisfies Contract;

export type ProvenanceApi = ApiOf<typeof provenanceContract>;
