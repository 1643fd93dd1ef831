/**
 * Types of Exclude from translation (issue 11); the methods are declared in `exclusionContract.ts`.
 */
import type { Paragraph } from '../types.js';

/** What publish-ready exports (txt, md, html, docx) do with excluded paragraphs. */
export type ExcludedExport = 'omit' | 'source';
export const EXCLUDED_EXPORT_CHOICES = ['omit', 'source'] as const satisfies readonly ExcludedExport[];

export interface ExclusionChange {
  /** The paragraphs that changed, as stored now. */
  paragraphs: Paragraph[];
  /** 1-based numbers of paragraphs whose sign-off the exclusion withdrew (recorded in their history). */
  signOffsWithdrawn: number[];
  /** 1-based numbers of paragraphs that were already as asked (nothing recorded). */
  unchanged: number[];
}

export interface ExclusionSettings {
  excludedExport: ExcludedExport;
}
