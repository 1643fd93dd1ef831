/** Domain types shared by main and renderer. Pure data: no Node, no DOM. */

export type Role = 'translator' | 'editor';
export const ROLES = ['translator', 'editor'] as const satisfies readonly Role[];

/** The status ladder of a paragraph (see docs/data.md). */
export type ParagraphStatus = 'new' | 'machine' | 'edited' | 'translated' | 'signed-off';
export const PARAGRAPH_STATUSES = ['new', 'machine', 'edited', 'translated', 'signed-off'] as const satisfies readonly ParagraphStatus[];

/** Block kind of a paragraph, kept so Markdown export can restore the structure. */
export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'quote';

export type SourceFormat = 'txt' | 'md';
export type ExportMode = 'publish' | 'draft';
export type FooterPolicy = 'always' | 'when-mt' | 'never';

/** Origin of a revision (who or what produced the text). */
export type RevisionOrigin = 'import' | 'mt' | 'human' | 'tm';
/** What a revision recorded. */
export type RevisionAction = 'import' | 'mt' | 'edit' | 'confirm' | 'sign-off' | 'sign-off-withdrawn' | 'exclude' | 'include';

export interface Profile {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
}

/** One block produced by segmentation, before it is stored. */
export interface Segment {
  kind: BlockKind;
  /** Heading level 1–6 for headings; list ordinal marker for ordered list items (e.g. "1."), else null. */
  marker: string | null;
  text: string;
  /** Inline codes whose tokens `text` holds (shared/inline); absent or [] when none. */
  codes?: InlineCode[];
}

export interface MtRecord {
  text: string;
  engineId: string;
  engineVersion: string;
  sourceLang: string;
  targetLang: string;
  createdAt: string;
  /** Words the engine did not know (Apertium marks them with `*`); the marks are not in `text`. */
  unknownWords: string[];
}

export interface SignOff {
  profileId: string;
  name: string;
  role: Role;
  at: string;
  /** SHA-256 (hex) of the exact target text that was signed off. */
  textHash: string;
}

/** Who took a paragraph out of translation ("Exclude from translation"), and when. */
export interface Exclusion {
  at: string;
  name: string;
  role: Role | null;
  /** 'human': a person chose it; 'import': the imported file marked the unit translate="no". */
  origin: 'human' | 'import';
}

export interface Paragraph {
  id: string;
  documentId: string;
  /** 0-based position in the document. */
  index: number;
  kind: BlockKind;
  marker: string | null;
  source: string;
  target: string;
  /** Inline codes whose tokens source and target hold (shared/inline); absent or [] when none. */
  codes?: InlineCode[];
  status: ParagraphStatus;
  mt: MtRecord | null;
  signOff: SignOff | null;
  /** Set while the paragraph is excluded from translation (an orthogonal flag, not a status); absent otherwise. */
  excluded?: Exclusion;
  /** Signed off, but its source or target no longer matches its latest signed sign-off (changed outside Verso); absent otherwise. */
  signatureBroken?: true;
  /** Imported from a Word file: a foot-/endnote, table cell or text box paragraph (issue 14); absent otherwise. */
  place?: ParagraphPlace;
  updatedAt: string;
}

export interface DocumentSummary {
  id: string;
  title: string;
  sourceLang: string;
  targetLang: string;
  createdAt: string;
  updatedAt: string;
  paragraphCount: number;
  signedOffCount: number;
}

export interface DocumentDetail extends DocumentSummary {
  paragraphs: Paragraph[];
  /** What the import kept and could not import (Word files, issue 14); absent when there is none. */
  importReport?: ImportReport;
}

/**
 * One page of a document's paragraphs in order (`getParagraphPage`): a long document is read in
 * pieces, so no single reply (and its JSON parse in the renderer) holds the whole document.
 */
export interface ParagraphPage {
  /** The paragraphs at positions ≥ `from`, in order: at most `limit`, fewer when their text is long. */
  paragraphs: Paragraph[];
  /** The position to ask for next; null when this page ends the document. */
  next: number | null;
  /** How many paragraphs the document has now. */
  total: number;
}

export interface Settings {
  publisher: string;
  contactEmail: string;
  footerPolicy: FooterPolicy;
}

export interface LanguagePair {
  source: string;
  target: string;
}

export interface EngineInfo {
  id: string;
  name: string;
  /** True when the engine can run here at all (installed / configured). */
  available: boolean;
  /** Why it is unavailable or does not support the asked pair; an i18n error code. */
  unavailableReason: string | null;
  pairs: LanguagePair[];
}

export type JobState = 'running' | 'done' | 'cancelled' | 'failed';

export interface JobProgress {
  jobId: string;
  /** The document the job works on; null for a job on the library as a whole (a TMX import). */
  documentId: string | null;
  state: JobState;
  done: number;
  total: number;
  error: ApiError | null;
  /** A TMX import's own progress and, once done, its summary (issue 17); `done`/`total` are its bytes. */
  tmxImport?: TmxImportStatus;
}

export interface TmxImportResult {
  /** Units added. */
  imported: number;
  /** Translation units of the file that had no text for both languages of the pair, or were already in the TM. */
  skipped: number;
  /** Units of earlier TMX imports removed (replace mode). */
  removed: number;
  /** Notes and properties of the file's units, and other variants of the source language in a unit, which the TM has no place for (not kept, said). */
  notKept: { notes: number; properties: number; sourceVariants: number };
}

/** Where a streamed TMX import is (issue 17). */
export interface TmxImportStatus {
  fileName: string;
  sourceLang: string;
  targetLang: string;
  /** 'reading' the file (units staged as they come), then 'publishing' them in one transaction. */
  phase: 'reading' | 'publishing' | 'finished';
  bytesRead: number;
  bytesTotal: number;
  /** Units of the pair read so far. */
  units: number;
  /** The summary, once the import is done. */
  result: TmxImportResult | null;
}

export interface AppInfo {
  version: string;
  mode: 'electron' | 'browser';
  dataDir: string;
}

/** Error as it travels to the renderer; `code` maps to the i18n key `errors.<code>`. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  details?: Record<string, string | number | boolean | string[] | number[]>;
}

import type { ErrorCode } from './errors.js';
import type { InlineCode } from './inline/inlineCodes.js';
import type { ImportReport } from './import/importReport.js';
import type { ParagraphPlace } from './import/paragraphPlace.js';
export { ERROR_CODES, type ErrorCode } from './errors.js';

/** Where a paragraph's translation came from (issue 12); `unknown`: a file that did not say. */
export type OriginKind = 'mt' | 'tm' | 'human' | 'unknown';

/** An unknown origin an editor declared human, with the reason. */
export interface HumanDeclaration {
  name: string;
  role: Role;
  at: string;
  reason: string;
}
