/**
 * Part of the API contract: Exclude from translation (issue 11). Methods here join `VersoApi`
 * (shared/api.ts); schemas in `shared/features/exclusionSchemas.ts`, services in
 * `main/services/features/exclusion.ts`.
 *
 * An excluded paragraph (`Paragraph.excluded`) counts as done: MT jobs, bulk sign-off and
 * Replace all leave it alone, the publish gate does not wait for it, TMX never holds it, XLIFF
 * marks it `translate="no"`, and the publish-ready text formats leave it out or keep its source
 * text, by the document's `excludedExport` choice.
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

export interface ExclusionApi {
  /**
   * Excludes paragraphs from translation (`excluded: true`) or includes them again; each change
   * is a revision (`exclude` / `include`: who, role, when). Anyone may exclude a paragraph that is
   * not signed off; excluding a signed-off one withdraws its sign-off, which only an editor may do
   * and only when asked to (`withdrawSignOffs`), else EXCLUDE_WITHDRAWS_SIGN_OFF and nothing changes.
   */
  setParagraphsExcluded(input: { paragraphIds: string[]; excluded: boolean; withdrawSignOffs?: boolean }): Promise<ExclusionChange>;
  getExclusionSettings(input: { documentId: string }): Promise<ExclusionSettings>;
  setExclusionSettings(input: { documentId: string } & ExclusionSettings): Promise<ExclusionSettings>;
}

export const EXCLUSION_METHODS = ['setParagraphsExcluded', 'getExclusionSettings', 'setExclusionSettings'] as const satisfies readonly (keyof ExclusionApi)[];

/** Error codes this feature adds (each needs `errors.<CODE>` in the renderer's locales). */
export const EXCLUSION_ERROR_CODES = ['EXCLUDE_WITHDRAWS_SIGN_OFF', 'PARAGRAPH_EXCLUDED'] as const satisfies readonly string[];
