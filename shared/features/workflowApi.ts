/**
 * Part of the API contract: history, undo, diffs, metrics, QA, comments, find (issue: Editorial workflow).
 * Methods here join `VersoApi` (shared/api.ts); each needs a zod schema in
 * `shared/features/workflowSchemas.ts` and a service in `main/services/features/workflow.ts`.
 */
import type { QaIssue } from '../qa/types.js';
import type { Paragraph, ParagraphStatus, RevisionAction, RevisionOrigin, Role } from '../types.js';

/** Why a paragraph was left out of a sign-off. */
export type SkipReason = 'qa' | 'empty' | 'status' | 'excluded';

export interface SkippedParagraph {
  paragraphId: string;
  /** 1-based position shown to people. */
  number: number;
  reason: SkipReason;
  /** For `qa`: the errors that block it. */
  issues: QaIssue[];
}

export interface SignOffOverride {
  paragraphId: string;
  /** Why the editor signs off despite QA errors; kept in the history. */
  reason: string;
}

/** What the editor's screen measured before a sign-off (review-quality signal). */
export interface ReviewSignal {
  paragraphId: string;
  /** Time the paragraph had the focus. */
  dwellMs: number;
  /** Whether its diff against the MT was opened. */
  diffViewed: boolean;
}

export interface FastSignOff {
  paragraphId: string;
  number: number;
  dwellMs: number;
  words: number;
}

export interface SignOffSummary {
  signedOff: Paragraph[];
  skipped: SkippedParagraph[];
  /** Sign-offs faster than a plausible reading speed (recorded as such). */
  fast: FastSignOff[];
}

/** How a revision came about when it was not a plain edit. */
export type RevisionLinkKind = 'undo' | 'redo' | 'restore';

export interface HistoryEntry {
  id: number;
  authorName: string;
  role: Role | null;
  origin: RevisionOrigin;
  action: RevisionAction;
  mtEngine: string | null;
  beforeText: string | null;
  afterText: string;
  statusBefore: ParagraphStatus | null;
  statusAfter: ParagraphStatus;
  createdAt: string;
  updatedAt: string;
  /** Set for undo / redo / restore revisions: what it undid, redid or restored. */
  link: { kind: RevisionLinkKind; revisionId: number } | null;
  /** Set for a sign-off that overrode QA errors. */
  override: { reason: string; issues: QaIssue[] } | null;
  /** Set for a sign-off with review signals: time on the paragraph, diff viewed, too fast to have been read. */
  review: { dwellMs: number; words: number; diffViewed: boolean; fast: boolean } | null;
  /** Whether this text state can be restored (text-changing revisions). */
  restorable: boolean;
}

export interface ParagraphHistory {
  paragraphId: string;
  /** Oldest first. */
  entries: HistoryEntry[];
  canUndo: boolean;
  canRedo: boolean;
}

export interface ParagraphChange {
  paragraph: Paragraph;
  signOffWithdrawn: boolean;
}

/** Active editing time and keystrokes of one paragraph, summed over everyone who edited it. */
export interface EditEffort {
  paragraphId: string;
  activeMs: number;
  keystrokes: number;
}

export interface Comment {
  id: string;
  paragraphId: string;
  authorName: string;
  role: Role;
  body: string;
  createdAt: string;
  resolved: { at: string; byName: string } | null;
}

export interface WorkflowApi {
  /**
   * Signs off what it can and reports the rest: paragraphs with QA errors are skipped unless an
   * override with a reason names them; empty or unconfirmable ones are skipped too. Editors only.
   */
  signOffReviewed(input: { paragraphIds: string[]; overrides?: SignOffOverride[]; review?: ReviewSignal[] }): Promise<SignOffSummary>;
  getParagraphHistory(input: { paragraphId: string }): Promise<ParagraphHistory>;
  /** Undoes the latest text change (kept across reloads); recorded as a new revision. */
  undoParagraph(input: { paragraphId: string }): Promise<ParagraphChange>;
  redoParagraph(input: { paragraphId: string }): Promise<ParagraphChange>;
  /** Makes an earlier revision's text current again, as a new revision. */
  restoreRevision(input: { paragraphId: string; revisionId: number }): Promise<ParagraphChange>;
  /**
   * The paragraph that now holds the focus in the editor (null: none). Verso measures each
   * paragraph's reading time from these reports with its own clock; a sign-off records that time.
   */
  reportReviewFocus(input: { paragraphId: string | null }): Promise<{ recorded: true }>;
  /** The paragraph's MT diff was opened in the editor; a sign-off records it (Verso's record, not the client's claim). */
  reportDiffViewed(input: { paragraphId: string }): Promise<{ recorded: true }>;
  /** Adds measured editing effort (active time, not idle wall-clock time; keystrokes) of the current profile. */
  recordEditEffort(input: { paragraphId: string; activeMs: number; keystrokes: number }): Promise<{ recorded: true }>;
  /** The editing effort recorded for each paragraph of a document (paragraphs without any are left out). */
  getDocumentEffort(input: { documentId: string }): Promise<EditEffort[]>;
  /** Every comment of a document, oldest first. */
  listComments(input: { documentId: string }): Promise<Comment[]>;
  addComment(input: { paragraphId: string; body: string }): Promise<Comment>;
  setCommentResolved(input: { commentId: string; resolved: boolean }): Promise<Comment>;
  /** Who changed which paragraphs' text (human edits, undo, redo, restore), for the "edited by" filter. */
  listEditors(input: { documentId: string }): Promise<EditorOfParagraphs[]>;
}

export interface EditorOfParagraphs {
  name: string;
  paragraphIds: string[];
}

export const WORKFLOW_METHODS = [
  'signOffReviewed',
  'getParagraphHistory',
  'undoParagraph',
  'redoParagraph',
  'restoreRevision',
  'recordEditEffort',
  'reportReviewFocus',
  'reportDiffViewed',
  'getDocumentEffort',
  'listComments',
  'addComment',
  'setCommentResolved',
  'listEditors',
] as const satisfies readonly (keyof WorkflowApi)[];

/** Error codes this feature adds (each needs `errors.<CODE>` in the renderer's locales). */
export const WORKFLOW_ERROR_CODES = [
  'QA_BLOCKED',
  'NOTHING_TO_UNDO',
  'NOTHING_TO_REDO',
  'REVISION_NOT_FOUND',
  'REVISION_NOT_RESTORABLE',
  'COMMENT_NOT_FOUND',
] as const satisfies readonly string[];
