/** Imported origins the paragraph's MT record and revisions cannot tell (migration 0160). */
import type Database from 'better-sqlite3';
import type { HumanDeclaration, Role } from '../../../../shared/types.js';

export type StoredOriginKind = 'unknown' | 'human' | 'tm';

export interface StoredOrigin {
  paragraphId: string;
  origin: StoredOriginKind;
  tool: string | null;
  declaredHuman: HumanDeclaration | null;
}

interface Row {
  paragraph_id: string;
  origin: StoredOriginKind;
  tool: string | null;
  declared_human_by: string | null;
  declared_human_role: Role | null;
  declared_human_at: string | null;
  declared_human_reason: string | null;
}

const toOrigin = (r: Row): StoredOrigin => ({
  paragraphId: r.paragraph_id,
  origin: r.origin,
  tool: r.tool,
  declaredHuman:
    r.declared_human_by !== null
      ? {
          name: r.declared_human_by,
          role: r.declared_human_role ?? 'editor',
          at: r.declared_human_at ?? '',
          reason: r.declared_human_reason ?? '',
        }
      : null,
});

export function createProvenanceRepo(db: Database.Database) {
  const insertStmt = db.prepare<[string, StoredOriginKind, string | null, string]>(
    'INSERT OR REPLACE INTO provenance_origins (paragraph_id, origin, tool, recorded_at) VALUES (?, ?, ?, ?)',
  );
  const byDocument = db.prepare<[string], Row>(
    `SELECT o.* FROM provenance_origins o JOIN paragraphs p ON p.id = o.paragraph_id WHERE p.document_id = ? ORDER BY p.position`,
  );
  const declareStmt = db.prepare<[string, Role, string, string, string]>(
    `UPDATE provenance_origins SET declared_human_by = ?, declared_human_role = ?, declared_human_at = ?, declared_human_reason = ?
     WHERE paragraph_id = ? AND origin = 'unknown'`,
  );
  return {
    record(paragraphId: string, origin: StoredOriginKind, tool: string | null, at: string): void {
      insertStmt.run(paragraphId, origin, tool, at);
    },
    listByDocument(documentId: string): StoredOrigin[] {
      return byDocument.all(documentId).map(toOrigin);
    },
    /** Declares an unknown origin human; false when the paragraph has no unknown origin. */
    declareHuman(paragraphId: string, d: HumanDeclaration): boolean {
      return declareStmt.run(d.name, d.role, d.at, d.reason, paragraphId).changes === 1;
    },
  };
}

export type ProvenanceRepo = ReturnType<typeof createProvenanceRepo>;

const repos = new WeakMap<Database.Database, ProvenanceRepo>();

/** One repository (its statements prepared once) per database: imports call it per paragraph. */
export function provenanceRepoFor(db: Database.Database): ProvenanceRepo {
  let repo = repos.get(db);
  if (!repo) {
    repo = createProvenanceRepo(db);
    repos.set(db, repo);
  }
  return repo;
}
