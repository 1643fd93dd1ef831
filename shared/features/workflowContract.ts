/** History, undo, diffs, metrics, QA, comments, find (issue: Editorial workflow): the methods, declared once. */
import { z } from 'zod';
import { exactly, type ApiOf, type Contract } from '../contract/contract.js';
import { id, paragraphSchema, paragraphStatusSchema, qaIssueSchema, recordedSchema, roleSchema } from '../contract/models.js';
import { LIMITS } from '../limits.js';
import { safeText } from '../safeText.js';
import type { Comment, EditEffort, EditorOfParagraphs, ParagraphChange, ParagraphHistory, SignOffSummary } from './workflowApi.js';

/** Longest override reason, in characters. */
export const OVERRIDE_REASON_MAX = 1000;
/** Longest comment, in characters. */
export const COMMENT_MAX = 5000;

const signOffSummary = exactly<SignOffSummary>()(
  z.object({
    signedOff: z.array(paragraphSchema),
    skipped: z.array(
      z.object({
        paragraphId: z.string(),
        number: z.number(),
        reason: z.enum(['qa', 'empty', 'status', 'excluded']),
        issues: z.array(qaIssueSchema),
      }),
    ),
    fast: z.array(z.object({ paragraphId: z.string(), number: z.number(), dwellMs: z.number(), words: z.number() })),
  }),
);

const historyEntry = z.object({
  id: z.number(),
  authorName: z.string(),
  role: roleSchema.nullable(),
  origin: z.enum(['import', 'mt', 'human', 'tm']),
  action: z.enum(['import', 'mt', 'edit', 'confirm', 'sign-off', 'sign-off-withdrawn', 'exclude', 'include']),
  mtEngine: z.string().nullable(),
  beforeText: z.string().nullable(),
  afterText: z.string(),
  statusBefore: paragraphStatusSchema.nullable(),
  statusAfter: paragraphStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  link: z.object({ kind: z.enum(['undo', 'redo', 'restore']), revisionId: z.number() }).nullable(),
  override: z.object({ reason: z.string(), issues: z.array(qaIssueSchema) }).nullable(),
  review: z.object({ dwellMs: z.number(), words: z.number(), diffViewed: z.boolean(), fast: z.boolean() }).nullable(),
  restorable: z.boolean(),
});
const paragraphHistory = exactly<ParagraphHistory>()(
  z.object({ paragraphId: z.string(), entries: z.array(historyEntry), canUndo: z.boolean(), canRedo: z.boolean() }),
);

const paragraphChange = exactly<ParagraphChange>()(z.object({ paragraph: paragraphSchema, signOffWithdrawn: z.boolean() }));

const editEffort = exactly<EditEffort>()(z.object({ paragraphId: z.string(), activeMs: z.number(), keystrokes: z.number() }));

const comment = exactly<Comment>()(
  z.object({
    id: z.string(),
    paragraphId: z.string(),
    authorName: z.string(),
    role: roleSchema,
    body: z.string(),
    createdAt: z.string(),
    resolved: z.object({ at: z.string(), byName: z.string() }).nullable(),
  }),
);

const editorOfParagraphs = exactly<EditorOfParagraphs>()(z.object({ name: z.string(), paragraphIds: z.array(z.string()) }));

/** Why the editor signs off despite QA errors; kept in the history. */
const signOffOverride = z
  .object({ paragraphId: id, reason: safeText(z.string().trim().min(3).max(OVERRIDE_REASON_MAX), { multiline: true }) })
  .strict();

/** What the editor's screen measured before a sign-off (review-quality signal). */
const reviewSignal = z
  .object({
    paragraphId: id,
    /** Time the paragraph had the focus. */
    dwellMs: z.number().int().min(0).max(86_400_000),
    /** Whether its diff against the MT was opened. */
    diffViewed: z.boolean(),
  })
  .strict();
export type ReviewSignal = z.output<typeof reviewSignal>;

const paragraph = z.object({ paragraphId: id }).strict();
const document = z.object({ documentId: id }).strict();

export const workflowContract = {
  /**
   * Signs off what it can and reports the rest: paragraphs with QA errors are skipped unless an
   * override with a reason names them; empty or unconfirmable ones are skipped too. Editors only.
   */
  signOffReviewed: {
    input: z
      .object({
        paragraphIds: z.array(id).min(1).max(LIMITS.paragraphIds),
        overrides: z.array(signOffOverride).max(LIMITS.paragraphIds).optional(),
        review: z.array(reviewSignal).max(LIMITS.paragraphIds).optional(),
      })
      .strict(),
    output: signOffSummary,
    errors: ['NO_PROFILE', 'ROLE_FORBIDDEN', 'PARAGRAPH_NOT_FOUND', 'SIGNING_KEY_LOCKED'],
  },
  getParagraphHistory: { input: paragraph, output: paragraphHistory, errors: ['PARAGRAPH_NOT_FOUND'] },
  /** Undoes the latest text change (kept across reloads); recorded as a new revision. */
  undoParagraph: { input: paragraph, output: paragraphChange, errors: ['NO_PROFILE', 'PARAGRAPH_NOT_FOUND', 'NOTHING_TO_UNDO'] },
  redoParagraph: { input: paragraph, output: paragraphChange, errors: ['NO_PROFILE', 'PARAGRAPH_NOT_FOUND', 'NOTHING_TO_REDO'] },
  /** Makes an earlier revision's text current again, as a new revision. */
  restoreRevision: {
    input: z.object({ paragraphId: id, revisionId: z.number().int().positive() }).strict(),
    output: paragraphChange,
    errors: ['NO_PROFILE', 'PARAGRAPH_NOT_FOUND', 'REVISION_NOT_FOUND', 'REVISION_NOT_RESTORABLE'],
  },
  /** Adds measured editing effort (active time, not idle wall-clock time; keystrokes) of the current profile. */
  recordEditEffort: {
    input: z
      .object({
        paragraphId: id,
        // One report covers at most an hour of typing and 100 000 keys.
        activeMs: z.number().int().min(0).max(3_600_000),
        keystrokes: z.number().int().min(0).max(100_000),
      })
      .strict(),
    output: recordedSchema,
    errors: ['NO_PROFILE', 'PARAGRAPH_NOT_FOUND'],
  },
  /**
   * The paragraph that now holds the focus in the editor (null: none). Verso measures each
   * paragraph's reading time from these reports with its own clock; a sign-off records that time.
   */
  reportReviewFocus: {
    input: z.object({ paragraphId: id.nullable() }).strict(),
    output: recordedSchema,
    errors: ['NO_PROFILE', 'PARAGRAPH_NOT_FOUND'],
  },
  /** The paragraph's MT diff was opened in the editor; a sign-off records it (Verso's record, not the client's claim). */
  reportDiffViewed: { input: paragraph, output: recordedSchema, errors: ['NO_PROFILE', 'PARAGRAPH_NOT_FOUND'] },
  /** The editing effort recorded for each paragraph of a document (paragraphs without any are left out). */
  getDocumentEffort: { input: document, output: z.array(editEffort), errors: ['DOCUMENT_NOT_FOUND'] },
  /** Every comment of a document, oldest first. */
  listComments: { input: document, output: z.array(comment), errors: ['DOCUMENT_NOT_FOUND'] },
  addComment: {
    input: z.object({ paragraphId: id, body: safeText(z.string().trim().min(1).max(COMMENT_MAX), { multiline: true }) }).strict(),
    output: comment,
    errors: ['NO_PROFILE', 'PARAGRAPH_NOT_FOUND'],
  },
  setCommentResolved: {
    input: z.object({ commentId: id, resolved: z.boolean() }).strict(),
    output: comment,
    errors: ['NO_PROFILE', 'COMMENT_NOT_FOUND'],
  },
  /** Who changed which paragraphs' text (human edits, undo, redo, restore), for the "edited by" filter. */
  listEditors: { input: document, output: z.array(editorOfParagraphs), errors: ['DOCUMENT_NOT_FOUND'] },
} as const satisfies Contract;

export type WorkflowApi = ApiOf<typeof workflowContract>;
