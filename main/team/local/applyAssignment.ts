/**
 * Applying a pulled `assignment` (who translates and who edits a document) into
 * team_assignments. Versioned: a conflicting assignment leaves the head's in place (the server
 * keeps it beside the head; nothing local shows it).
 */
import type Database from 'better-sqlite3';
import type { ServerChange } from '../../../shared/team/changes.js';
import { assignmentPayloadSchema } from './applyPayloads.js';
import type { ApplyContext, ChangeResult } from './applyParagraph.js';

export function createAssignmentApplier(db: Database.Database) {
  const upsert = db.prepare<[string, string | null, string | null, string]>(
    `INSERT INTO team_assignments (document_id, translator, editor, change_id) VALUES (?, ?, ?, ?)
     ON CONFLICT (document_id) DO UPDATE SET translator = excluded.translator, editor = excluded.editor, change_id = excluded.change_id`,
  );
  return (ctx: ApplyContext, c: ServerChange): ChangeResult => {
    const own = ctx.state.isOwn(c.id);
    if (own) ctx.state.acknowledge(c.id);
    const parsed = assignmentPayloadSchema.safeParse(c.payload);
    if (!parsed.success) return own ? { kind: 'acknowledged' } : { kind: 'rejected', reason: 'malformed assignment' };
    if (c.outcome === 'conflict') return { kind: 'conflict', own };
    if (!ctx.repos.documents.get(c.entityId)) return { kind: 'rejected', reason: 'the document is not in this library' };
    upsert.run(c.entityId, parsed.data.translator, parsed.data.editor, c.id);
    ctx.state.setServerHead(c.entityId, c.id, ctx.state.pendingOwn(c.entityId) === 0);
    return { kind: own ? 'acknowledged' : 'applied' };
  };
}
