/**
 * The MT cache and the provenance of every MT written into a paragraph (tables of migration
 * 0060-mt-cache). Plain functions over a `db` handle with prepared statements reused.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { MtProvenanceEntry } from '../../shared/features/enginesApi.js';
import type { MtOutput, ParagraphContext } from './mtEngine.js';

export interface CacheKey {
  engineId: string;
  engineVersion: string;
  sourceLang: string;
  targetLang: string;
  sourceHash: string;
}

export interface CachedMt extends MtOutput {
  /** When the engine produced it. */
  createdAt: string;
}

/**
 * SHA-256 of the source text; for engines whose MT depends on the neighbouring paragraphs, of
 * those too (an unchanged paragraph between changed neighbours is translated again).
 */
export function mtSourceHash(source: string, context: ParagraphContext | null = null): string {
  const h = createHash('sha256').update(source, 'utf8');
  if (context)
    h.update('\0previous\0')
      .update(context.previous ?? '\u0001')
      .update('\0next\0')
      .update(context.next ?? '\u0001');
  return h.digest('hex');
}

/** What is recorded for an MT revision: an MtProvenanceEntry without its text, for a paragraph. */
export type NewProvenance = Omit<MtProvenanceEntry, 'text'> & { paragraphId: string };

interface CacheRow {
  target_text: string;
  unknown_words: string;
  created_at: string;
}

interface ProvenanceRow {
  revision_id: number;
  engine_id: string;
  engine_version: string;
  source_lang: string;
  target_lang: string;
  produced_at: string;
  written_at: string;
  from_cache: number;
  retranslated: number;
  unknown_words: string;
  after_text: string;
}

function words(json: string): string[] {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? value.filter((w): w is string => typeof w === 'string') : [];
}

export function createMtStore(db: Database.Database) {
  const getStmt = db.prepare<[string, string, string, string, string], CacheRow>(
    `SELECT target_text, unknown_words, created_at FROM mt_cache
     WHERE engine_id = ? AND engine_version = ? AND source_lang = ? AND target_lang = ? AND source_hash = ?`,
  );
  const touchStmt = db.prepare<[string, string, string, string, string, string]>(
    `UPDATE mt_cache SET used_at = ?
     WHERE engine_id = ? AND engine_version = ? AND source_lang = ? AND target_lang = ? AND source_hash = ?`,
  );
  const putStmt = db.prepare<[string, string, string, string, string, string, string, string, string]>(
    `INSERT INTO mt_cache (engine_id, engine_version, source_lang, target_lang, source_hash, target_text, unknown_words, created_at, used_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (engine_id, engine_version, source_lang, target_lang, source_hash)
     DO UPDATE SET target_text = excluded.target_text, unknown_words = excluded.unknown_words,
                   created_at = excluded.created_at, used_at = excluded.used_at`,
  );
  const countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM mt_cache');
  const provenanceStmt = db.prepare<[Record<string, string | number>]>(
    `INSERT INTO mt_provenance (revision_id, paragraph_id, engine_id, engine_version, source_lang, target_lang,
       produced_at, written_at, from_cache, retranslated, unknown_words)
     VALUES (@revision_id, @paragraph_id, @engine_id, @engine_version, @source_lang, @target_lang,
       @produced_at, @written_at, @from_cache, @retranslated, @unknown_words)`,
  );
  const byParagraphStmt = db.prepare<[string], ProvenanceRow>(
    `SELECT p.revision_id, p.engine_id, p.engine_version, p.source_lang, p.target_lang, p.produced_at, p.written_at,
            p.from_cache, p.retranslated, p.unknown_words, r.after_text
     FROM mt_provenance p JOIN revisions r ON r.id = p.revision_id
     WHERE p.paragraph_id = ? ORDER BY p.revision_id`,
  );

  const keyArgs = (k: CacheKey): [string, string, string, string, string] => [
    k.engineId,
    k.engineVersion,
    k.sourceLang,
    k.targetLang,
    k.sourceHash,
  ];

  return {
    /** The cached MT for this key (its last use is recorded), or null. */
    get(key: CacheKey, now: string): CachedMt | null {
      const row = getStmt.get(...keyArgs(key));
      if (!row) return null;
      touchStmt.run(now, ...keyArgs(key));
      return { text: row.target_text, unknownWords: words(row.unknown_words), createdAt: row.created_at };
    },
    /** Stores (or replaces) the MT for this key. Empty texts are not cached. */
    put(key: CacheKey, output: MtOutput, now: string): void {
      if (output.text.trim() === '') return;
      putStmt.run(...keyArgs(key), output.text, JSON.stringify(output.unknownWords), now, now);
    },
    count(): number {
      return countStmt.get()?.n ?? 0;
    },
    recordProvenance(p: NewProvenance): void {
      provenanceStmt.run({
        revision_id: p.revisionId,
        paragraph_id: p.paragraphId,
        engine_id: p.engineId,
        engine_version: p.engineVersion,
        source_lang: p.sourceLang,
        target_lang: p.targetLang,
        produced_at: p.producedAt,
        written_at: p.writtenAt,
        from_cache: p.fromCache ? 1 : 0,
        retranslated: p.retranslated ? 1 : 0,
        unknown_words: JSON.stringify(p.unknownWords),
      });
    },
    provenanceOf(paragraphId: string): MtProvenanceEntry[] {
      return byParagraphStmt.all(paragraphId).map((r) => ({
        revisionId: r.revision_id,
        engineId: r.engine_id,
        engineVersion: r.engine_version,
        sourceLang: r.source_lang,
        targetLang: r.target_lang,
        producedAt: r.produced_at,
        writtenAt: r.written_at,
        fromCache: r.from_cache === 1,
        retranslated: r.retranslated === 1,
        text: r.after_text,
        unknownWords: words(r.unknown_words),
      }));
    },
  };
}

export type MtStore = ReturnType<typeof createMtStore>;
