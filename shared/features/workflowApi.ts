/**
 * Types of the editorial workflow: history, undo, diffs, metrics, QA, comments, find. Its methods
 * are declared in `workflowContract.ts`, served by `main/services/features/workflow.ts`.
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

export interface EditorOfParagraphs {
  name: string;
  paragraphIds: string[];
}
