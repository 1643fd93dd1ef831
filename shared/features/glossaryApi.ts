/**
 * Part of the API contract: the glossary (issue: Translation memory and glossary, glossary half).
 * Methods here join `VersoApi` (shared/api.ts); each has a zod schema in
 * `shared/features/glossarySchemas.ts` and a service in `main/services/features/glossary.ts`.
 */
import type { GlossaryTerm, GlossaryTermInput } from '../glossary/types.js';

export type { GlossaryTerm, GlossaryTermInput } from '../glossary/types.js';

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

export interface GlossaryApi {
  /** Language pairs that have terms, with their counts. */
  listGlossaryPairs(input: Record<string, never>): Promise<GlossaryPairSummary[]>;
  /** The pair's terms, sorted by source term. */
  listGlossaryTerms(input: GlossaryPair): Promise<GlossaryTerm[]>;
  /** The terms that apply to a document (its pair, and the broader tags: `es` terms serve `es-ES`). */
  listDocumentGlossary(input: { documentId: string }): Promise<GlossaryTerm[]>;
  addGlossaryTerm(input: GlossaryPair & { term: GlossaryTermInput }): Promise<GlossaryTerm>;
  updateGlossaryTerm(input: { termId: string; term: GlossaryTermInput }): Promise<GlossaryTerm>;
  deleteGlossaryTerm(input: { termId: string }): Promise<{ deleted: true }>;
  /** CSV (RFC 4180, header row) or TBX; the whole import is one transaction. */
  importGlossary(
    input: GlossaryPair & { fileName: string; dataBase64: string; format?: GlossaryFileFormat; mode: GlossaryImportMode },
  ): Promise<GlossaryImportResult>;
  /** `tbxVersion` applies to TBX only (default `v2`, TBX-Basic 2008). */
  exportGlossary(input: GlossaryPair & { format: GlossaryFileFormat; tbxVersion?: GlossaryTbxVersion }): Promise<GlossaryExportResult>;
}

export const GLOSSARY_METHODS = [
  'listGlossaryPairs',
  'listGlossaryTerms',
  'listDocumentGlossary',
  'addGlossaryTerm',
  'updateGlossaryTerm',
  'deleteGlossaryTerm',
  'importGlossary',
  'exportGlossary',
] as const satisfies readonly (keyof GlossaryApi)[];

/** Error codes this feature adds (each needs `errors.<CODE>` in the renderer's locales). */
export const GLOSSARY_ERROR_CODES = [
  'GLOSSARY_TERM_EMPTY',
  'GLOSSARY_TERM_TOO_LONG',
  'GLOSSARY_TERM_DUPLICATE',
  'GLOSSARY_TERM_NOT_FOUND',
  'GLOSSARY_FORBIDDEN_IS_TARGET',
  'GLOSSARY_TOO_MANY_VARIANTS',
  'GLOSSARY_TOO_MANY_TERMS',
  'GLOSSARY_IMPORT_FORMAT',
  'GLOSSARY_IMPORT_TOO_LARGE',
  'GLOSSARY_IMPORT_ENCODING',
  'GLOSSARY_IMPORT_EMPTY',
  'GLOSSARY_IMPORT_ROW_INVALID',
  'GLOSSARY_IMPORT_DUPLICATE',
  'GLOSSARY_CSV_INVALID',
  'GLOSSARY_CSV_HEADER',
  'GLOSSARY_TBX_INVALID',
  'GLOSSARY_TBX_ENTITIES',
  'GLOSSARY_EXPORT_EMPTY',
] as const satisfies readonly string[];
