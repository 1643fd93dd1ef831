/** Revisions: one row per change of a paragraph (import, MT, edit, confirm, sign-off, withdrawal). */
import type Database from 'better-sqlite3';
import type { ParagraphStatus, RevisionAction, RevisionOrigin, Role } from '../../../shared/types.js';
import { createAuditRecorder, type AuditRecorder, type RemoteSignOff } from '../audit/auditRecorder.js';
import { createSigningKeys, sessionProtector } from '../audit/signingKeys.js';
import type { StoredAuditEntry } from './audit/auditRepo.js';

export interface Revision {
  id: number;
  paragraphId: string;
  documentId: string;
  profileId: string | null;
  authorName: string;
  role: Role | null;
  origin: RevisionOrigin;
  action: RevisionAction;
  /** Engine id for origin 'mt'. */
  mtEngine: string | null;
  /** Target text before the change; null for an import (there was no paragraph). */
  beforeText: string | null;
  /** Target text after the change; for an import, the imported source text. */
  afterText: string;
  statusBefore: ParagraphStatus | null;
  statusAfter: ParagraphStatus;
  createdAt: string;
  updatedAt: string;
}

export type NewRevision = Omit<Revision, 'id' | 'updatedAt'> & { updatedAt?: string };

/**
 * Told of every revision write, inside its transaction, after the audit entry (the team library's
 * outbox capture, main/team/local/captureRevisions.ts). `signOff`: the sign-off audit entry a
 * sign-off revision added (its claim, signature and key id).
 */
export interface RevisionObserver {
  inserted(rev: NewRevision & { id: number }, signOff: StoredAuditEntry | null): void;
  extended(id: number, at: string): void;
}

interface RevisionRow {
  id: number;
  paragraph_id: string;
  document_id: string;
  profile_id: string | null;
  author_name: string;
  role: Role | null;
  origin: RevisionOrigin;
  action: RevisionAction;
  mt_engine: string | null;
  before_text: string | null;
  after_text: string;
  status_before: ParagraphStatus | null;
  status_after: ParagraphStatus;
  created_at: string;
  updated_at: string;
}

const COLUMNS = `id, paragraph_id, document_id, profile_id, author_name, role, origin, action, mt_engine,
  before_text, after_text, status_before, status_after, created_at, updated_at`;

function toRevision(row: RevisionRow): Revision {
  return {
    id: row.id,
    paragraphId: row.paragraph_id,
    documentId: row.document_id,
    profileId: row.profile_id,
    authorName: row.author_name,
    role: row.role,
    origin: row.origin,
    action: row.action,
    mtEngine: row.mt_engine,
    beforeText: row.before_text,
    afterText: row.after_text,
    statusBefore: row.status_before,
    statusAfter: row.status_after,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Every insert and extension is chained into the audit log in the same transaction (`audit`; default: keys sealed for this process only). */
export function createRevisionsRepo(
  db: Database.Database,
  audit: AuditRecorder = createAuditRecorder(db, createSigningKeys(db, sessionProtector())),
  observer: RevisionObserver | null = null,
) {
  const insertStmt = db.prepare<[Record<string, string | null>]>(
    `INSERT INTO revisions (paragraph_id, document_id, profile_id, author_name, role, origin, action, mt_engine,
       before_text, after_text, status_before, status_after, created_at, updated_at)
     VALUES (@paragraph_id, @document_id, @profile_id, @author_name, @role, @origin, @action, @mt_engine,
       @before_text, @after_text, @status_before, @status_after, @created_at, @updated_at)`,
  );
  const lastStmt = db.prepare<[string], RevisionRow>(`SELECT ${COLUMNS} FROM revisions WHERE paragraph_id = ? ORDER BY id DESC LIMIT 1`);
  const byParagraphStmt = db.prepare<[string], RevisionRow>(`SELECT ${COLUMNS} FROM revisions WHERE paragraph_id = ? ORDER BY id`);
  const byDocumentStmt = db.prepare<[string], RevisionRow>(`SELECT ${COLUMNS} FROM revisions WHERE document_id = ? ORDER BY id`);
  const extendStmt = db.prepare<[string, string, string, number]>(
    'UPDATE revisions SET after_text = ?, status_after = ?, updated_at = ? WHERE id = ?',
  );
  const countStmt = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM revisions');

  // The revision and its audit link are written together.
  function write(rev: NewRevision, remote?: RemoteSignOff): number {
    const result = insertStmt.run({
      paragraph_id: rev.paragraphId,
      document_id: rev.documentId,
      profile_id: rev.profileId,
      author_name: rev.authorName,
      role: rev.role,
      origin: rev.origin,
      action: rev.action,
      mt_engine: rev.mtEngine,
      before_text: rev.beforeText,
      after_text: rev.afterText,
      status_before: rev.statusBefore,
      status_after: rev.statusAfter,
      created_at: rev.createdAt,
      updated_at: rev.updatedAt ?? rev.createdAt,
    });
    const id = Number(result.lastInsertRowid);
    // The added keys first: V8 (Node 20) copies `{ ...rev, newKey }` slowly (µs a copy, 13,000 on an import), `{ newKey, ...rev }` fast.
    const signOff = audit.revisionInserted({ revisionId: id, at: rev.createdAt, ...rev }, remote);
    observer?.inserted({ id, ...rev }, signOff);
    return id;
  }
  const insertTx = db.transaction(write);

  return {
    /** `remote`: a team member's sign-off applied from the team server (its own claim and signature go to the audit log). */
    insert(rev: NewRevision, remote?: RemoteSignOff): number {
      return insertTx(rev, remote);
    },
    /**
     * The same write without a savepoint of its own (one per revision costs a bulk import seconds):
     * only inside a transaction that is rolled back whole when anything in it fails (an import, a pre-fill).
     */
    insertInTransaction(rev: NewRevision): number {
      if (!db.inTransaction) throw new Error('revisions.insertInTransaction: not inside a transaction');
      return write(rev);
    },
    /** Folds a further edit into an existing revision (debounced autosave). */
    extend(id: number, afterText: string, statusAfter: ParagraphStatus, at: string): void {
      extendStmt.run(afterText, statusAfter, at, id);
      audit.revisionExtended(id, afterText, statusAfter, at);
      observer?.extended(id, at);
    },
    last(paragraphId: string): Revision | null {
      const row = lastStmt.get(paragraphId);
      return row ? toRevision(row) : null;
    },
    listByParagraph(paragraphId: string): Revision[] {
      return byParagraphStmt.all(paragraphId).map(toRevision);
    },
    listByDocument(documentId: string): Revision[] {
      return byDocumentStmt.all(documentId).map(toRevision);
    },
    count(): number {
      return countStmt.get()?.n ?? 0;
    },
  };
}
