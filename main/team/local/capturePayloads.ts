/**
 * What the captured changes carry (docs/team.md#payloads): the paragraph's state as stored after
 * the write, read straight from its row, so a receiving client can reproduce the row and the revision.
 */
import type Database from 'better-sqlite3';
import { perConnection } from '../../db/perConnection.js';

interface ParagraphRow {
  id: string;
  document_id: string;
  position: number;
  kind: string;
  marker: string | null;
  source: string;
  target: string;
  inline_codes: string;
  status: string;
  mt_text: string | null;
  mt_engine: string | null;
  mt_engine_version: string | null;
  mt_source_lang: string | null;
  mt_target_lang: string | null;
  mt_created_at: string | null;
  mt_unknown_words: string | null;
  excluded_at: string | null;
  excluded_by: string | null;
  excluded_role: string | null;
  excluded_origin: string | null;
}

const COLUMNS = `id, document_id, position, kind, marker, source, target, inline_codes, status, mt_text, mt_engine,
  mt_engine_version, mt_source_lang, mt_target_lang, mt_created_at, mt_unknown_words,
  excluded_at, excluded_by, excluded_role, excluded_origin`;

function prepare(db: Database.Database) {
  return {
    paragraph: db.prepare<[string], ParagraphRow>(`SELECT ${COLUMNS} FROM paragraphs WHERE id = ?`),
    ofDocument: db.prepare<[string], ParagraphRow>(`SELECT ${COLUMNS} FROM paragraphs WHERE document_id = ? ORDER BY position`),
    document: db.prepare<[string], { title: string; source_lang: string; target_lang: string; source_format: string; created_at: string }>(
      'SELECT title, source_lang, target_lang, source_format, created_at FROM documents WHERE id = ?',
    ),
  };
}
const stmts = perConnection(prepare);

function mtOf(r: ParagraphRow): Record<string, unknown> | null {
  if (r.mt_text === null) return null;
  return {
    text: r.mt_text,
    engineId: r.mt_engine ?? '',
    engineVersion: r.mt_engine_version ?? '',
    sourceLang: r.mt_source_lang ?? '',
    targetLang: r.mt_target_lang ?? '',
    createdAt: r.mt_created_at ?? '',
    unknownWords: JSON.parse(r.mt_unknown_words ?? '[]') as unknown,
  };
}

function exclusionOf(r: ParagraphRow): Record<string, unknown> | null {
  if (r.excluded_at === null) return null;
  return { at: r.excluded_at, name: r.excluded_by ?? '', role: r.excluded_role, origin: r.excluded_origin ?? 'human' };
}

/** The mutable state of a paragraph (what a `paragraph` change sets). */
function stateOf(r: ParagraphRow): Record<string, unknown> {
  return { target: r.target, status: r.status, excluded: r.excluded_at !== null, exclusion: exclusionOf(r), mt: mtOf(r) };
}

export interface RevisionInfo {
  action: string;
  origin: string;
  mtEngine: string | null;
  authorName: string;
  role: string | null;
}

/** A `paragraph` change: the revision that made it and the paragraph's new state; null when the paragraph is gone. */
export function paragraphPayload(db: Database.Database, paragraphId: string, rev: RevisionInfo): Record<string, unknown> | null {
  const row = stmts(db).paragraph.get(paragraphId);
  if (!row) return null;
  return { action: rev.action, origin: rev.origin, mtEngine: rev.mtEngine, authorName: rev.authorName, role: rev.role, ...stateOf(row) };
}

/** A `document` change: the document and all its paragraphs as stored now; null when it is gone. */
export function documentPayload(db: Database.Database, documentId: string): Record<string, unknown> | null {
  const s = stmts(db);
  const doc = s.document.get(documentId);
  if (!doc) return null;
  return {
    title: doc.title,
    sourceLang: doc.source_lang,
    targetLang: doc.target_lang,
    sourceFormat: doc.source_format,
    createdAt: doc.created_at,
    paragraphs: s.ofDocument.all(documentId).map((r) => ({
      id: r.id,
      position: r.position,
      kind: r.kind,
      marker: r.marker,
      source: r.source,
      codes: JSON.parse(r.inline_codes) as unknown,
      ...stateOf(r),
    })),
  };
}
