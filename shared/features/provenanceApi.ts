/**
 * Part of the API contract: paragraph origins (issue 12). Methods here join `VersoApi`
 * (shared/api.ts); schemas in `shared/features/provenanceSchemas.ts`, services in
 * `main/services/features/provenance.ts`.
 *
 * A translation imported from a file that does not say where it came from has the origin
 * "unknown"; the footer policy "only when machine translation was used" counts it as machine
 * translation until an editor declares it human, with a reason that is kept (who, role, when, why)
 * and shown in the provenance and the attestation.
 */
import type { HumanDeclaration } from '../types.js';

export interface UnknownOrigin {
  paragraphId: string;
  /** 1-based. */
  number: number;
  /** The tool the imported file came from, when it named one. */
  tool: string | null;
  /** Set once an editor declared it human. */
  declaredHuman: HumanDeclaration | null;
}

export interface DocumentOrigins {
  /** Paragraphs whose origin is unknown, declared or not, in document order. */
  unknown: UnknownOrigin[];
}

export const ORIGIN_REASON_MAX = 500;

export interface ProvenanceApi {
  getDocumentOrigins(input: { documentId: string }): Promise<DocumentOrigins>;
  /**
   * An editor declares the document's undeclared unknown origins human (all of them, or the
   * `paragraphIds` named), with a reason. Translators are refused (ORIGIN_DECLARE_NEEDS_EDITOR).
   */
  declareHumanOrigin(input: { documentId: string; reason: string; paragraphIds?: string[] }): Promise<DocumentOrigins>;
}

export const PROVENANCE_METHODS = ['getDocumentOrigins', 'declareHumanOrigin'] as const satisfies readonly (keyof ProvenanceApi)[];

/** Error codes this feature adds (each needs `errors.<CODE>` in the renderer's locales). */
export const PROVENANCE_ERROR_CODES = ['ORIGIN_DECLARE_NEEDS_EDITOR', 'ORIGIN_REASON_REQUIRED', 'ORIGIN_NOTHING_UNKNOWN'] as const satisfies readonly string[];
