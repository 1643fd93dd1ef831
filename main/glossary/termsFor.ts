/**
 * The terms that apply to a language pair: its own, then those of the broader tags (`es` terms
 * serve `es-ES`). Cached per database and pair until the glossary changes, because the sign-off
 * gate asks once per paragraph.
 */
import type Database from 'better-sqlite3';
import { languageFallbacks } from '../../shared/languages.js';
import type { GlossaryTerm } from '../../shared/glossary/types.js';
import { createGlossaryRepo, glossaryVersion, type GlossaryRepo } from './glossaryRepo.js';

interface Cache {
  repo: GlossaryRepo;
  version: number;
  byPair: Map<string, GlossaryTerm[]>;
}

const caches = new WeakMap<Database.Database, Cache>();

export function termsForPair(db: Database.Database, sourceLang: string, targetLang: string): GlossaryTerm[] {
  let cache = caches.get(db);
  if (!cache) {
    cache = { repo: createGlossaryRepo(db), version: glossaryVersion(db), byPair: new Map() };
    caches.set(db, cache);
  }
  if (cache.version !== glossaryVersion(db)) {
    cache.version = glossaryVersion(db);
    cache.byPair.clear();
  }
  const key = `${sourceLang}\u0000${targetLang}`;
  const known = cache.byPair.get(key);
  if (known) return known;
  const seen = new Set<string>();
  const out: GlossaryTerm[] = [];
  for (const s of languageFallbacks(sourceLang)) {
    for (const t of languageFallbacks(targetLang)) {
      for (const term of cache.repo.list(s, t)) {
        // The most specific pair's term wins for the same source term.
        if (seen.has(term.source)) continue;
        seen.add(term.source);
        out.push(term);
      }
    }
  }
  cache.byPair.set(key, out);
  return out;
}
