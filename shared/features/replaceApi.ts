/**
 * Types of Replace all in the find bar (issue 11); the methods are declared in `replaceContract.ts`.
 */
import type { Paragraph } from '../types.js';

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
