/** The terms that apply to a language pair: its own, then those of the broader tags (`es` terms serve `es-ES`). */
import type Database from 'better-sqlite3';
import { languageFallbacks } from '../../shared/languages.js';
import type { GlossaryTerm } from '../../shared/glossary/types.js';
import { createGlossaryRepo } from './glossaryRepo.js';

export function termsForPair(db: Database.Database, sourceLang: string, targetLang: string): GlossaryTerm[] {
  const repo = createGlossaryRepo(db);
  const seen = new Set<string>();
  const out: GlossaryTerm[] = [];
  for (const s of languageFallbacks(sourceLang)) {
    for (const t of languageFallbacks(targetLang)) {
      for (const term of repo.list(s, t)) {
        // The most specific pair's term wins for the same source term.
        if (seen.has(term.source)) continue;
        seen.add(term.source);
        out.push(term);
      }
    }
  }
  return out;
}
