/** The glossary's table (migration 0080; definitions since 0250): terms per language pair. */
import type Database from 'better-sqlite3';
import type { GlossaryTerm } from '../../shared/glossary/types.js';

interface Row {
  id: string;
  source_lang: string;
  target_lang: string;
  source: string;
  target: string;
  note: string;
  definition: string;
  forbidden: string;
  case_sensitive: number;
  created_at: string;
  updated_at: string;
}

function toTerm(r: Row): GlossaryTerm {
  const forbidden = JSON.parse(r.forbidden) as unknown;
  return {
    id: r.id,
    sourceLang: r.source_lang,
    targetLang: r.target_lang,
    source: r.source,
    target: r.target,
    note: r.note,
    definition: r.definition,
    forbidden: Array.isArray(forbidden) ? forbidden.filter((v): v is string => typeof v === 'string') : [],
    caseSensitive: r.case_sensitive === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Bumped by every write through a glossary repository of the database (readers cache by it). */
const versions = new WeakMap<Database.Database, number>();

export function glossaryVersion(db: Database.Database): number {
  return versions.get(db) ?? 0;
}

function bump(db: Database.Database): void {
  versions.set(db, glossaryVersion(db) + 1);
}

export function createGlossaryRepo(db: Database.Database) {
  const byPair = db.prepare<[string, string], Row>(
    'SELECT * FROM glossary_terms WHERE source_lang = ? AND target_lang = ? ORDER BY source COLLATE NOCASE, source',
  );
  const byId = db.prepare<[string], Row>('SELECT * FROM glossary_terms WHERE id = ?');
  const bySource = db.prepare<[string, string, string], Row>(
    'SELECT * FROM glossary_terms WHERE source_lang = ? AND target_lang = ? AND source = ?',
  );
  const countPair = db.prepare<[string, string], { n: number }>(
    'SELECT count(*) AS n FROM glossary_terms WHERE source_lang = ? AND target_lang = ?',
  );
  const pairs = db.prepare<[], { source_lang: string; target_lang: string; n: number }>(
    'SELECT source_lang, target_lang, count(*) AS n FROM glossary_terms GROUP BY source_lang, target_lang ORDER BY source_lang, target_lang',
  );
  const insertRow = db.prepare(
    `INSERT INTO glossary_terms (id, source_lang, target_lang, source, target, note, definition, forbidden, case_sensitive, created_at, updated_at)
     VALUES (@id, @sourceLang, @targetLang, @source, @target, @note, @definition, @forbidden, @caseSensitive, @createdAt, @updatedAt)`,
  );
  const updateRow = db.prepare(
    `UPDATE glossary_terms SET source = @source, target = @target, note = @note, definition = @definition, forbidden = @forbidden,
       case_sensitive = @caseSensitive, updated_at = @updatedAt WHERE id = @id`,
  );
  const deleteRow = db.prepare<[string]>('DELETE FROM glossary_terms WHERE id = ?');
  const deletePair = db.prepare<[string, string]>('DELETE FROM glossary_terms WHERE source_lang = ? AND target_lang = ?');

  const params = (t: GlossaryTerm) => ({
    ...t,
    forbidden: JSON.stringify(t.forbidden),
    caseSensitive: t.caseSensitive ? 1 : 0,
  });

  return {
    list(sourceLang: string, targetLang: string): GlossaryTerm[] {
      return byPair.all(sourceLang, targetLang).map(toTerm);
    },
    get(id: string): GlossaryTerm | null {
      const r = byId.get(id);
      return r ? toTerm(r) : null;
    },
    findBySource(sourceLang: string, targetLang: string, source: string): GlossaryTerm | null {
      const r = bySource.get(sourceLang, targetLang, source);
      return r ? toTerm(r) : null;
    },
    count(sourceLang: string, targetLang: string): number {
      return countPair.get(sourceLang, targetLang)?.n ?? 0;
    },
    pairs(): { sourceLang: string; targetLang: string; count: number }[] {
      return pairs.all().map((r) => ({ sourceLang: r.source_lang, targetLang: r.target_lang, count: r.n }));
    },
    insert(term: GlossaryTerm): void {
      bump(db);
      insertRow.run(params(term));
    },
    update(term: GlossaryTerm): void {
      bump(db);
      updateRow.run(params(term));
    },
    delete(id: string): boolean {
      bump(db);
      return deleteRow.run(id).changes > 0;
    },
    deletePair(sourceLang: string, targetLang: string): number {
      bump(db);
      return deletePair.run(sourceLang, targetLang).changes;
    },
  };
}

export type GlossaryRepo = ReturnType<typeof createGlossaryRepo>;
