/**
 * Applying a pulled `comment`: a comment another member wrote on a paragraph (created once), or a
 * later change on it that resolves or reopens it. Unversioned: always applied in the server's order.
 */
import type Database from 'better-sqlite3';
import type { ServerChange } from '../../../shared/team/changes.js';
import { commentPayloadSchema } from './applyPayloads.js';
import type { ApplyContext, ChangeResult } from './applyParagraph.js';

export function createCommentApplier(db: Database.Database) {
  const existsStmt = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM workflow_comments WHERE id = ?');
  const insertStmt = db.prepare<[string, string, string, string, string, string, string]>(
    `INSERT INTO workflow_comments (id, paragraph_id, document_id, profile_id, author_name, role, body, created_at)
     VALUES (?, ?, ?, NULL, ?, ?, ?, ?)`,
  );
  const resolveStmt = db.prepare<[string | null, string | null, string]>(
    'UPDATE workflow_comments SET resolved_at = ?, resolved_by_name = ? WHERE id = ?',
  );

  return (ctx: ApplyContext, c: ServerChange): ChangeResult => {
    const own = ctx.state.isOwn(c.id);
    if (own) {
      ctx.state.acknowledge(c.id);
      return { kind: 'acknowledged' };
    }
    const parsed = commentPayloadSchema.safeParse(c.payload);
    if (!parsed.success) return { kind: 'rejected', reason: 'malformed comment' };
    const comment = parsed.data;
    const p = ctx.repos.paragraphs.get(comment.paragraphId);
    if (!p || p.documentId !== c.documentId) return { kind: 'rejected', reason: 'the comment’s paragraph is not in this library' };
    const actor = ctx.actorOf(c.author);
    if (!existsStmt.get(c.entityId)) {
      if (comment.body === undefined || comment.body.trim() === '') return { kind: 'rejected', reason: 'a comment without text' };
      insertStmt.run(c.entityId, p.id, p.documentId, actor.name, comment.role ?? actor.role ?? 'translator', comment.body, c.clientAt);
    }
    if (comment.resolved !== undefined)
      resolveStmt.run(comment.resolved ? c.clientAt : null, comment.resolved ? actor.name : null, c.entityId);
    return { kind: 'applied' };
  };
}
