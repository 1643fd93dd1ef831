/**
 * Part of the API contract: import formats, bilingual alignment, living stories (issue: Import everything).
 * Methods here join `VersoApi` (shared/api.ts); each needs a zod schema in
 * `shared/features/importingSchemas.ts` and a service in `main/services/features/importing.ts`.
 */
import type { ImportSource } from '../api.js';
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

export interface ImportingApi {
  /** Reads both files of a bilingual pair and proposes a paragraph alignment. */
  alignBilingual(input: { source: ImportSource; translation: ImportSource }): Promise<BilingualAlignment>;
  /** Creates a document from a source file and one (checked) translation per source paragraph. */
  importBilingual(input: { source: ImportSource; targets: string[]; sourceLang: string; targetLang: string; title?: string }): Promise<DocumentDetail>;
  /** Applies a revised version of the source to a document (living story). */
  reimportDocument(input: { documentId: string; source: ImportSource; tool?: string }): Promise<ReimportResult>;
  listReopenedParagraphs(input: { documentId: string }): Promise<ReopenedParagraph[]>;
}

export const IMPORTING_METHODS = [
  'alignBilingual',
  'importBilingual',
  'reimportDocument',
  'listReopenedParagraphs',
] as const satisfies readonly (keyof ImportingApi)[];

/** Error codes this feature adds (each needs `errors.<CODE>` in the renderer's locales). */
export const IMPORTING_ERROR_CODES = [
  'IMPORT_ENCODING_INVALID',
  'IMPORT_FILE_TYPE_MISMATCH',
  'IMPORT_TOO_MANY_PARAGRAPHS',
  'IMPORT_PARAGRAPH_TOO_LONG',
  'IMPORT_TOO_COMPLEX',
  'IMPORT_MARKDOWN_TOO_COMPLEX',
  'IMPORT_TIMEOUT',
  'IMPORT_XML_INVALID',
  'IMPORT_XML_ENTITIES',
  'IMPORT_XLIFF_VERSION',
  'IMPORT_XLIFF_INVALID',
  'IMPORT_LANGUAGE_MISMATCH',
  'ALIGNMENT_COUNT_MISMATCH',
  'IMPORT_DOCX_NOT_ZIP',
  'IMPORT_DOCX_DAMAGED',
  'IMPORT_DOCX_NO_DOCUMENT',
  'IMPORT_ZIP_TOO_LARGE',
  'IMPORT_ZIP_SIZE_MISMATCH',
  'IMPORT_ZIP_UNSAFE_PATH',
] as const satisfies readonly string[];
