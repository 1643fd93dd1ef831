/**
 * Types of the translation memory. The methods are declared in `memoryContract.ts`, served by
 * `main/services/features/memory.ts`.
 */
import type { InlineCode } from '../inline/inlineCodes.js';
import type { ApiError, JobState, Paragraph, TmxImportStatus } from '../types.js';
import type { LanguageVariant } from '../memory/pair.js';

/** Where a TM unit came from: a sign-off in this Verso, or a TMX file. */
export type TmUnitOrigin = 'signoff' | 'tmx';

export interface TmUnit {
  unitId: number;
  sourceLang: string;
  targetLang: string;
  source: string;
  target: string;
  origin: TmUnitOrigin;
  /** Who signed it off (or the TMX creationid). */
  createdBy: string;
  createdAt: string;
  documentId: string | null;
  documentTitle: string | null;
  /** Inline codes of the unit's paragraph, whose tokens its source and target hold (none for TMX units). */
  codes?: InlineCode[];
  /**
   * Issue 12: the unit's translation started as machine translation (its paragraph's MT, or a TMX
   * unit whose props / creationtool say so), or its origin is unknown; absent or null otherwise.
   * A paragraph filled from such a unit counts as machine-translated (or unknown) for the footer.
   */
  mtOrigin?: TmMtOrigin | null;
}

export type TmMtOrigin =
  { kind: 'mt'; engineId: string; engineName: string | null; engineVersion: string | null; createdAt: string | null } | { kind: 'unknown' };

/**
 * A fuzzy match for a paragraph: a TM unit and its match percentage (shared/memory/matchScore.ts),
 * with the formatting penalty when its formatting differs (shared/memory/formatting.ts).
 */
export interface TmMatch extends TmUnit {
  score: number;
  /**
   * Issue 14: how the unit's target language relates to the document's — the same tag, a less
   * specific one (`pt` for pt-BR) or another variant (pt-PT for pt-BR: one point less, shown).
   */
  variant?: LanguageVariant;
}

export type { TmxImportResult, TmxImportStatus } from '../types.js';

/** A TMX import job as `getTmxImport` tells it (issue 17). */
export interface TmxImportJob {
  jobId: string;
  state: JobState;
  error: ApiError | null;
  status: TmxImportStatus;
}

/** What a revision with origin `tm` inserted: the unit, its score then, and who made it. */
export interface TmProvenance {
  revisionId: number;
  unitId: number;
  score: number;
  unitSource: string;
  unitOrigin: TmUnitOrigin;
  unitBy: string;
  unitAt: string;
}

export interface MemorySettings {
  /** A 100 % match pre-fills the translation before MT runs. */
  prefillExact: boolean;
}

export interface TmPrefillResult {
  /** Paragraphs that received a 100 % match. */
  paragraphs: Paragraph[];
}

/** `prefillFromTmx`: the paragraphs filled, and the translation units the file has. */
export interface TmxPrefillResult extends TmPrefillResult {
  tus: number;
}

/** Issue 17 item 3: one sentence of a paragraph (shared/text/sentences.ts) and its best TM matches. */
export interface TmSentenceMatches {
  /** Its place among the paragraph's sentences, from 0. */
  index: number;
  /** Its span in the paragraph's source. */
  start: number;
  end: number;
  text: string;
  /** Best first (at most TM_SENTENCE_MATCHES, ≥ 50 %). */
  matches: TmMatch[];
}

/** A paragraph's whole-paragraph matches and, when it has two sentences or more, each sentence's. */
export interface TmLookupResult {
  matches: TmMatch[];
  /** Empty for a paragraph of one sentence (its matches are the paragraph's). */
  sentences: TmSentenceMatches[];
}
