/**
 * Types of the glossary. The methods are declared in `glossaryContract.ts`, served by
 * `main/services/features/glossary.ts`.
 */
export type { GlossaryTerm } from '../glossary/types.js';

export interface GlossaryPair {
  sourceLang: string;
  targetLang: string;
}

export interface GlossaryPairSummary extends GlossaryPair {
  count: number;
}

export type GlossaryFileFormat = 'csv' | 'tbx';
/**
 * Which TBX a TBX export writes: `v2` is TBX-Basic in the 2008 form (ISO 30042:2008, `<martif>`),
 * the one OmegaT and translate-toolkit read, and the default; `v3` is TBX-Basic in the 2019 form
 * (ISO 30042:2019, `<tbx>`, DCA style). Import reads both, whatever this says.
 */
export type GlossaryTbxVersion = 'v2' | 'v3';
/** Merge adds new terms and updates those with the same source term; replace first removes the pair's terms. */
export type GlossaryImportMode = 'merge' | 'replace';

export interface GlossaryImportResult {
  added: number;
  updated: number;
  unchanged: number;
  /** Terms removed by a replace. */
  removed: number;
  /** Terms of the pair after the import. */
  total: number;
  /**
   * Data categories of the file that Verso's glossary has no place for (TBX part of speech, subject
   * field, context…), with how many entries held each; absent when everything was kept.
   */
  notKept?: { category: string; entries: number }[];
  /** TBX entries with no usable term in the pair's source or target language (left out); absent when none. */
  skippedEntries?: number;
}

export interface GlossaryExportResult {
  fileName: string;
  mimeType: string;
  content: string;
}
