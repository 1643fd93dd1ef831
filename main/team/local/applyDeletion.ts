/**
 * Applying a pulled document deletion (`document` change `{ deleted: true, title }`, made by
 * captureDeletion.ts; the server lets only editors and admins make one). The document is deleted
 * here as a local deletion is — tombstone in `library_deletions`, `document-deleted` entry in the
 * audit chain, the deleter named — unless own work on it has not reached the team: any change of
 * this library's on the document still in the outbox (waiting, or refused and kept) keeps the
 * whole document here, reported in `rejected` with the reason and listed in Settings → Team
 * (`keptDocuments`). Nothing is ever dropped. Either way the document's server head is the
 * deletion, so `deletedByTeam` is true: anyone may then delete the kept copy, with nothing sent.
 */
import type Database from 'better-sqlite3';
import type { ServerChange } from '../../../shared/team/changes.js';
import { createLibraryRepo } from '../../db/repositories/library/libraryRepo.js';
import { deleteDocumentWithRecord } from '../../library/documentDeletion.js';
import { documentDeletionPayloadSchema } from './applyPayloads.js';
import type { ApplyContext, ChangeResult } from './applyParagraph.js';

/** A `document` change that is about deleting the document (well-formed or not). */
export function isDocumentDeletion(c: Pick<ServerChange, 'kind' | 'payload'>): boolean {
  return c.kind === 'document' && 'deleted' in c.payload;
}

export function createDeletionApplier(db: Database.Database) {
  const library = createLibraryRepo(db);
  // Own changes on the document still here (waiting, or refused and kept); an own deletion is not work to keep.
  const ownWork = db.prepare<[string], { n: number }>(
    "SELECT count(*) AS n FROM team_outbox WHERE document_id = ? AND NOT (kind = 'document' AND json_extract(payload, '$.deleted') IS NOT NULL)",
  );

  return (ctx: ApplyContext, c: ServerChange): ChangeResult => {
    const own = ctx.state.isOwn(c.id);
    if (own) ctx.state.acknowledge(c.id);
    const parsed = documentDeletionPayloadSchema.safeParse(c.payload);
    if (!parsed.success || c.entityId !== c.documentId)
      return own ? { kind: 'acknowledged' } : { kind: 'rejected', reason: 'malformed document deletion' };
    const actor = ctx.actorOf(c.author);
    ctx.state.setEntityHead(c.entityId, 'document', c.id, { ...parsed.data, by: actor.name });
    ctx.state.setServerHead(c.entityId, c.id, true);
    if (own) return { kind: 'acknowledged' };
    const item = library.item(c.entityId);
    if (!item) return { kind: 'skipped' };
    const waiting = ownWork.get(c.entityId)?.n ?? 0;
    if (waiting > 0) {
      return {
        kind: 'rejected',
        reason: `kept “${item.title}”: ${actor.name} deleted it in the team, but ${waiting} change(s) made here on it had not reached the team`,
      };
    }
    deleteDocumentWithRecord(db, ctx.repos, library, item, { profileId: null, name: actor.name, role: actor.role ?? 'editor' }, c.clientAt);
    return { kind: 'applied' };
  };
}

export interface KeptDocument {
  documentId: string;
  title: string;
  /** The member who deleted it in the team. */
  deletedBy: string;
}

/** Documents the team deleted that this library kept (own work on them had not reached the team), unless being shared again. */
export function keptDocuments(db: Database.Database): KeptDocument[] {
  return db
    .prepare<[], { id: string; title: string; payload: string }>(
      `SELECT d.id, d.title, e.payload FROM team_entity_heads e
       JOIN team_heads h ON h.entity_id = e.entity_id AND h.server_head = e.change_id
       JOIN documents d ON d.id = e.entity_id
       WHERE e.kind = 'document' AND NOT EXISTS (SELECT 1 FROM team_outbox o
         WHERE o.document_id = d.id AND o.kind = 'document' AND json_extract(o.payload, '$.deleted') IS NULL)
       ORDER BY d.title, d.id`,
    )
    .all()
    .map((r) => {
      const by = (JSON.parse(r.payload) as { by?: unknown }).by;
      return { documentId: r.id, title: r.title, deletedBy: typeof by === 'string' ? by : '' };
    });
}
