/**
 * The one writer of `team_assignments`: every change to a document's assignment — made here,
 * pulled from the team, or taken back to the team's head — is written with its `team-assignment`
 * entry in the audit chain (migration 0370), in the caller's transaction. So "assignment changes
 * are audited" holds in each library, not only in the server's history.
 */
import type Database from 'better-sqlite3';
import { teamAssignmentPayload } from '../../db/audit/auditEntries.js';
import { appendAuditEntry } from '../../db/repositories/audit/auditRepo.js';

export interface AssignmentWrite {
  documentId: string;
  translator: string | null;
  editor: string | null;
  /** The change whose value this is (the local change, the pulled one, or the head gone back to); null: no head, the row goes. */
  changeId: string | null;
  how: 'assigned' | 'pulled' | 'taken-back';
  /** Role name of who assigned (the server's author when pulled), or "Team server" for a taking back. */
  by: string;
  reason: string | null;
  at: string;
}

const upserts = new WeakMap<Database.Database, Database.Statement<[string, string | null, string | null, string]>>();

function upsertStmt(db: Database.Database) {
  let stmt = upserts.get(db);
  if (!stmt) {
    stmt = db.prepare<[string, string | null, string | null, string]>(
      `INSERT INTO team_assignments (document_id, translator, editor, change_id) VALUES (?, ?, ?, ?)
       ON CONFLICT (document_id) DO UPDATE SET translator = excluded.translator, editor = excluded.editor, change_id = excluded.change_id`,
    );
    upserts.set(db, stmt);
  }
  return stmt;
}

export function writeAssignment(db: Database.Database, w: AssignmentWrite): void {
  if (w.changeId === null) db.prepare<[string]>('DELETE FROM team_assignments WHERE document_id = ?').run(w.documentId);
  else upsertStmt(db).run(w.documentId, w.translator, w.editor, w.changeId);
  appendAuditEntry(db, {
    kind: 'team-assignment',
    documentId: w.documentId,
    paragraphId: null,
    revisionId: null,
    build: () => ({ payload: teamAssignmentPayload({ ...w, changeId: w.changeId ?? '' }) }),
  });
}
