/**
 * Types of paragraph origins (issue 12); the methods are declared in `provenanceContract.ts`.
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
