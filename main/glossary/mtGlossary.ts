/** The glossary as MT engines take it: the document pair's terms, and a cache-key part per paragraph. */
import { termsIn } from '../../shared/glossary/match.js';
import type { LanguagePair } from '../../shared/types.js';
import type { GlossaryTerm } from '../engines/mtEngine.js';
import type Database from 'better-sqlite3';
import { termsForPair } from './termsFor.js';

export function glossaryTermsOf(deps: { db: Database.Database }, pair: LanguagePair): GlossaryTerm[] {
  return termsForPair(deps.db, pair.source, pair.target).map((t) => ({
    source: t.source,
    target: t.target,
    caseSensitive: t.caseSensitive,
    forbidden: t.forbidden,
  }));
}

/** '' when no term occurs in `source` (cache keys stay as they were without a glossary). */
export function glossaryFingerprint(source: string, glossary: readonly GlossaryTerm[], sourceLang: string): string {
  if (glossary.length === 0) return '';
  const used = termsIn(
    source,
    glossary.map((g) => ({ ...g, caseSensitive: g.caseSensitive ?? false })),
    sourceLang,
  );
  if (used.length === 0) return '';
  return `\u0000glossary\u0000${JSON.stringify(used.map((g) => [g.source, g.target, g.forbidden ?? []]))}`;
}
