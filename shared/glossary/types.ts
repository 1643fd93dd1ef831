/** A glossary term as the store keeps it: one per language pair and source term. */
export interface GlossaryTerm {
  id: string;
  sourceLang: string;
  targetLang: string;
  /** The term as it appears in source text. */
  source: string;
  /** The translation the newsroom wants. */
  target: string;
  note: string;
  /** What the term means (TBX `descrip type="definition"`); '' when none. */
  definition: string;
  /** Translations that must not be used (e.g. an outdated name). */
  forbidden: string[];
  /** When false, "European Union" also matches "european union". */
  caseSensitive: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What a person types in (or an import row holds) for one term. */
export interface GlossaryTermInput {
  source: string;
  target: string;
  note?: string;
  definition?: string;
  forbidden?: string[];
  caseSensitive?: boolean;
}

/** The part of a term matching and QA need. */
export type MatchableTerm = Pick<GlossaryTerm, 'source' | 'target' | 'forbidden' | 'caseSensitive'>;
