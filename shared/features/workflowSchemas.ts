/** zod schemas for the methods of `WorkflowApi`. */
import { z } from 'zod';
import type { WorkflowApi } from './workflowApi.js';
import type { SchemaMap } from '../schemaMap.js';
import { LIMITS } from '../limits.js';
import { safeText } from '../safeText.js';

const id = z.string().min(1).max(64);

/** Longest override reason, in characters. */
export const OVERRIDE_REASON_MAX = 1000;
/** Longest comment, in characters. */
export const COMMENT_MAX = 5000;

export const workflowSchemas = {
  signOffReviewed: z
    .object({
      paragraphIds: z.array(id).min(1).max(LIMITS.paragraphIds),
      overrides: z
        .array(z.object({ paragraphId: id, reason: safeText(z.string().trim().min(3).max(OVERRIDE_REASON_MAX), { multiline: true }) }).strict())
        .max(LIMITS.paragraphIds)
        .optional(),
      review: z
        .array(
          z
            .object({ paragraphId: id, dwellMs: z.number().int().min(0).max(86_400_000), diffViewed: z.boolean() })
            .strict(),
        )
        .max(LIMITS.paragraphIds)
        .optional(),
    })
    .strict(),
  getParagraphHistory: z.object({ paragraphId: id }).strict(),
  undoParagraph: z.object({ paragraphId: id }).strict(),
  redoParagraph: z.object({ paragraphId: id }).strict(),
  restoreRevision: z.object({ paragraphId: id, revisionId: z.number().int().positive() }).strict(),
  recordEditEffort: z
    .object({
      paragraphId: id,
      // One report covers at most an hour of typing and 100 000 keys.
      activeMs: z.number().int().min(0).max(3_600_000),
      keystrokes: z.number().int().min(0).max(100_000),
    })
    .strict(),
  reportReviewFocus: z.object({ paragraphId: id.nullable() }).strict(),
  reportDiffViewed: z.object({ paragraphId: id }).strict(),
  getDocumentEffort: z.object({ documentId: id }).strict(),
  listComments: z.object({ documentId: id }).strict(),
  addComment: z.object({ paragraphId: id, body: safeText(z.string().trim().min(1).max(COMMENT_MAX), { multiline: true }) }).strict(),
  setCommentResolved: z.object({ commentId: id, resolved: z.boolean() }).strict(),
  listEditors: z.object({ documentId: id }).strict(),
} satisfies SchemaMap<WorkflowApi>;
