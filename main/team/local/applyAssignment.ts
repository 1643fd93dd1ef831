/**
 * Applying a pulled `assignment` (who translates and who edits a document) into
 * team_assignments, by the versioned rule (applyVersioned.ts). Its entity is `assignment:<document id>`
 * (`assignmentEntityId`), not the document's id, which stands for the document itself.
 */
import type Database from 'better-sqlite3';
import type { ServerChange } from '../../../shared/team/changes.js';
import { assignmentPayloadSchema } from './applyPayloads.js';
import type { ApplyContext, ChangeResult } from './applyParagraph.js';
import { applyVersionedChange, type WriteValue } from './applyVersioned.js';

export function createAssignmentApplier(db: Database.Database) {
  const upsert = db.prepare<[string, string | null, string | null, string]>(
    `INSERT INTO team_assignments (document_id, translator, editor, change_id) VALUES (?, ?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET translator = excluded.translator, editor = excluded.editor, change_id = excluded.change_id`,
  );
  const documentExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM documents WHERE id = ?');
  const write: WriteValue = (payload, c) => {
    const a = assignmentPayloadSchema.parse(payload);
    if (!documentExists.get(c.documentId)) return 'the document is not in this library';
    upsert.run(c.documentId, a.translator, a.editor, c.id);
    return null;
  };
  return (ctx: ApplyContext, c: ServerChange): ChangeResult =>
    applyVersionedChange(ctx, c, (p) => assignmentPayloadSchema.safeParse(p).success, write);
}

/** The entity an assignment change is about: one per document, apart from the document's own head. */
export function assignmentEntityId(documentId: string): string {
  return `assignment:${documentId}`;
}
