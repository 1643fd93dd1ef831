/** Replace all in the find bar (issue 11): the methods, declared once (see replaceApi.ts for how it works). */
import { z } from 'zod';
import { exactly, type ApiOf, type Contract } from '../contract/contract.js';
import { id, paragraphSchema } from '../contract/models.js';
import { LIMITS } from '../limits.js';
import { safeText } from '../safeText.js';
import type { ReplaceAllResult, UndoReplaceAllResult } from './replaceApi.js';

const text = z.string().max(LIMITS.paragraphChars);
// The replaced text ends up in a translation: no C0/C1 controls (bidi marks and line breaks are text).
const replaced = safeText(z.string().max(LIMITS.paragraphChars), { multiline: true, bidi: true });

const targetReplacement = z
  .object({
    paragraphId: id,
    /** The translation the replacement was computed from; the paragraph must still hold it. */
    before: text,
    after: replaced,
    /** How many matches were replaced in it. */
    occurrences: z.number().int().min(1).max(LIMITS.paragraphChars),
  })
  .strict();
export type TargetReplacement = z.output<typeof targetReplacement>;

const replaceAllResult = exactly<ReplaceAllResult>()(
  z.object({ batchId: z.string(), paragraphs: z.array(paragraphSchema), occurrences: z.number(), signOffsWithdrawn: z.array(z.number()) }),
);
const undoReplaceAllResult = exactly<UndoReplaceAllResult>()(
  z.object({ paragraphs: z.array(paragraphSchema), undone: z.number(), kept: z.array(z.number()) }),
);

export const replaceContract = {
  /**
   * Replaces the translations of several paragraphs of one document at once. All or nothing:
   * a paragraph whose translation changed meanwhile (REPLACE_TARGET_CHANGED), or a signed-off
   * paragraph without `withdrawSignOffs` (REPLACE_WITHDRAWS_SIGN_OFF), refuses the whole call.
   */
  replaceAllInTargets: {
    input: z
      .object({
        documentId: id,
        changes: z.array(targetReplacement).min(1).max(LIMITS.paragraphIds),
        withdrawSignOffs: z.boolean().optional(),
      })
      .strict(),
    output: replaceAllResult,
    errors: ['NO_PROFILE', 'DOCUMENT_NOT_FOUND', 'PARAGRAPH_NOT_FOUND', 'REPLACE_TARGET_CHANGED', 'REPLACE_WITHDRAWS_SIGN_OFF'],
  },
  /** Undoes one Replace all: each paragraph it changed and nobody changed since gets its earlier text back (as an undo revision). */
  undoReplaceAll: {
    input: z.object({ batchId: id }).strict(),
    output: undoReplaceAllResult,
    errors: ['NO_PROFILE', 'REPLACE_BATCH_NOT_FOUND', 'REPLACE_NOTHING_TO_UNDO'],
  },
} as const satisfies Contract;

export type ReplaceApi = ApiOf<typeof replaceContract>;
