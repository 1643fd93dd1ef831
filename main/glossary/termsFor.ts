/** The terms that apply to a language pair: its own, then those of the broader tags (`es` terms serve `es-ES`). */
import type Database from 'better-sqlite3';
import { languageFallbacks } from '../../shared/languages.js';
import type { GlossaryTerm } from '../../shared/glossary/types.js';
import { createGlossaryRepo, type GlossaryRepo } from './glossaryRepo.js';

/** One repository (prepared statements) per database: the gate asks for every paragraph. */
const repos = new WeakMap<Database.Database, GlossaryRepo>();

export function termsForPair(db: Database.Database, sourceLang: string, targetLang: string): GlossaryTerm[] {
  let repo = repos.get(db);
  if (!repo) {
    repo = createGlossaryRepo(db);
    repos.set(db, repo);
  }
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
