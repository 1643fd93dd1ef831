/**
 * Types of import formats, bilingual alignment and living stories. The methods are declared in
 * `importingContract.ts`, served by `main/services/features/importing.ts`.
 */
import type { BlockKind, DocumentDetail, ParagraphStatus } from '../types.js';

/** What a re-import of a revised source did (paragraph numbers are 1-based). */
export interface ReimportSummary {
  reimportId: number;
  /** Paragraphs whose text did not change (in place). */
  unchanged: number;
  /** New numbers of paragraphs that kept their text but moved. */
  moved: number[];
  /** New numbers of paragraphs whose text changed (reopened, old translation kept as a reference). */
  changed: number[];
  /** New numbers of paragraphs that are new. */
  added: number[];
  /** Old numbers and text of paragraphs no longer in the source (archived, not exported). */
  removed: { oldNumber: number; source: string }[];
  /** Sign-offs withdrawn because their paragraph's source changed. */
  signOffsWithdrawn: number;
  /** XLIFF only: the translations the file brought (work done in another tool). */
  translations?: ReimportTranslations;
}

/** Why a translation in a re-imported file was not applied. */
export type ReimportSkipReason =
  /** The paragraph is excluded from translation in Verso. */
  | 'excluded'
  /** The file has no translation for it (or only a copy of the source); Verso's is kept. */
  | 'no-target';

/** What a re-import did with the targets of an XLIFF another tool changed (paragraph numbers 1-based, new numbering). */
export interface ReimportTranslations {
  /** The tool the translations are credited to (the file's <tool>/metadata, else the one the person named), or null. */
  tool: string | null;
  /** Paragraphs whose translation the file changed: applied as new revisions. */
  applied: number[];
  /** Translations identical to Verso's. */
  unchanged: number;
  /** Signed-off paragraphs whose text the file changed: the sign-off was withdrawn (an editor signs again). */
  signOffsReopened: number[];
  skipped: { paragraph: number; reason: ReimportSkipReason }[];
}

export interface ReimportResult {
  document: DocumentDetail;
  summary: ReimportSummary;
}

/** A paragraph a re-import reopened and that is not confirmed again yet. */
export interface ReopenedParagraph {
  paragraphId: string;
  oldSource: string;
  /** The translation it had, kept as a reference. */
  oldTarget: string;
  oldStatus: ParagraphStatus;
  /** Who had signed it off, when the re-import withdrew a sign-off. */
  signedOffByName: string | null;
  reimportedAt: string;
}

/** A paragraph a re-import removed, as it was then: archived with its translation, never exported. */
export interface ArchivedParagraph {
  paragraphId: string;
  /** Its number in the document before the re-import that removed it. */
  oldNumber: number;
  source: string;
  target: string;
  status: ParagraphStatus;
  archivedAt: string;
}

/** A source and its translation made elsewhere, read and aligned for the user to check. */
export interface BilingualAlignment {
  sources: { kind: BlockKind; marker: string | null; text: string }[];
  /** The translation's paragraphs as read from its file. */
  translations: string[];
  /** Proposed target text for each source paragraph ('' when none matched). */
  proposal: string[];
  /** Per source paragraph: the pairing was not 1-1, worth checking. */
  uncertain: boolean[];
}
