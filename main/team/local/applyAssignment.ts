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
import { writeAssignment } from './assignmentRecord.js';
import { TEAM_SERVER_AUTHOR } from './outboxWithdraw.js';

export function createAssignmentApplier(db: Database.Database, now: () => Date = () => new Date()) {
  const documentExists = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM documents WHERE id = ?');
  const write: WriteValue = (payload, c, why) => {
    const a = assignmentPayloadSchema.parse(payload);
    if (!documentExists.get(c.documentId)) return 'the document is not in this library';
    // Chained into the audit log: pulled by the server's author, or taken back to the head when an own change lost.
    writeAssignment(db, {
      documentId: c.documentId,
      translator: a.translator,
      editor: a.editor,
      changeId: c.id,
      how: why === 'applied' ? 'pulled' : 'taken-back',
      by: why === 'applied' ? (c.author ?? '') : TEAM_SERVER_AUTHOR,
      reason: why === 'applied' ? null : 'another assignment of this document reached the team server first',
      at: why === 'applied' ? (c.receivedAt ?? c.clientAt) : now().toISOString(),
    });
    return null;
  };
  return (ctx: ApplyContext, c: ServerChange): ChangeResult =>
    applyVersionedChange(ctx, c, (p) => assignmentPayloadSchema.safeParse(p).success, write);
}

/** The entity an assignment change is about: one per document, apart from the document's own head. */
export function assignmentEntityId(documentId: string): string {
  return `assignment:${documentId}`;
}
