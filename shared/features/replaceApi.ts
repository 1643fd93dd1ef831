/**
 * Part of the API contract: Replace all in the find bar (issue 11). Methods here join `VersoApi`
 * (shared/api.ts); schemas in `shared/features/replaceSchemas.ts`, services in
 * `main/services/features/replace.ts`.
 *
 * The renderer finds and replaces (renderer/src/workflow/replaceAll.ts: the same pattern as Find, with
 * case-preserving replacement) and sends each paragraph's text before and after; the service
 * writes every change in one transaction, one edit revision per paragraph (so each paragraph's
 * own undo history stays whole), all tagged with one batch id, which `undoReplaceAll` undoes in one go.
 */
import type { Paragraph } from '../types.js';

export interface TargetReplacement {
  paragraphId: string;
  /** The translation the replacement was computed from; the paragraph must still hold it. */
  before: string;
  after: string;
  /** How many matches were replaced in it. */
  occurrences: number;
}

export interface ReplaceAllResult {
  batchId: string;
  /** The changed paragraphs, as stored now. */
  paragraphs: Paragraph[];
  occurrences: number;
  /** 1-based numbers of the paragraphs whose sign-off the replacement withdrew. */
  signOffsWithdrawn: number[];
}

export interface UndoReplaceAllResult {
  paragraphs: Paragraph[];
  /** Paragraphs set back to their text before the replacement. */
  undone: number;
  /** 1-based numbers of paragraphs changed again since, which keep their newer text. */
  kept: number[];
}

export interface ReplaceApi {
  /**
   * Replaces the translations of several paragraphs of one document at once. All or nothing:
   * a paragraph whose translation changed meanwhile (REPLACE_TARGET_CHANGED), or a signed-off
   * paragraph without `withdrawSignOffs` (REPLACE_WITHDRAWS_SIGN_OFF), refuses the whole call.
   */
  replaceAllInTargets(input: { documentId: string; changes: TargetReplacement[]; withdrawSignOffs?: boolean }): Promise<ReplaceAllResult>;
  /** Undoes one Replace all: each paragraph it changed and nobody changed since gets its earlier text back (as an undo revision). */
  undoReplaceAll(input: { batchId: string }): Promise<UndoReplaceAllResult>;
}

export const REPLACE_METHODS = ['replaceAllInTargets', 'undoReplaceAll'] as const satisfies readonly (keyof ReplaceApi)[];

/** Error codes this feature adds (each needs `errors.<CODE>` in the renderer's locales). */
export const REPLACE_ERROR_CODES = [
  'REPLACE_TARGET_CHANGED',
  'REPLACE_WITHDRAWS_SIGN_OFF',
  'REPLACE_BATCH_NOT_FOUND',
  'REPLACE_NOTHING_TO_UNDO',
] as const satisfies readonly string[];
