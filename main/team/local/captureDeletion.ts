/**
 * Capture of a document's deletion (docs/team.md "Deletions"). Deleting a document that is in
 * the team deletes it for the whole team: one `document` change `{ deleted: true, title }` on the
 * document's entity, written in the local deletion's transaction. Only team editors and admins
 * delete team documents: the server refuses anyone else's (TEAM_ROLE_FORBIDDEN), and a
 * translator's Delete is refused here first, before anything is deleted. A document the team
 * has already deleted (kept here because own work on it had not reached the team), or one the team
 * never saw (no push has read any of its changes), is deleted locally by anyone, with nothing sent.
 */
import type Database from 'better-sqlite3';
import type { OutgoingChange } from '../../../shared/team/changes.js';
import { ServiceError } from '../../core/serviceError.js';
import { captureActive } from './captureSwitch.js';
import { addChange, localHead } from './outboxStore.js';
import { perConnection } from '../../db/perConnection.js';

export interface DeletedDocument {
  id: string;
  title: string;
}

function prepare(db: Database.Database) {
  return {
    me: db.prepare<[], { value: string }>("SELECT value FROM team_state WHERE key = 'me'"),
    member: db.prepare<[string], { team_role: string }>('SELECT team_role FROM team_members WHERE role_name = ?'),
    /** Own changes of the document that a push has read (or that are acknowledged or refused): the team may have them. */
    seen: db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM team_outbox WHERE document_id = ? AND (sent = 1 OR acked_seq IS NOT NULL OR refused_code IS NOT NULL)',
    ),
    unsent: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM team_outbox WHERE document_id = ?'),
    serverHead: db.prepare<[string], { server_head: string | null }>('SELECT server_head FROM team_heads WHERE entity_id = ?'),
    dropOutbox: db.prepare<[string]>('DELETE FROM team_outbox WHERE document_id = ?'),
    dropHeads: db.prepare<[string, string]>(
      'DELETE FROM team_heads WHERE entity_id = ? OR entity_id IN (SELECT id FROM paragraphs WHERE document_id = ?)',
    ),
    deletedHead: db.prepare<[string], { change_id: string }>(
      `SELECT e.change_id FROM team_entity_heads e JOIN team_heads h ON h.entity_id = e.entity_id AND h.server_head = e.change_id
       WHERE e.entity_id = ? AND e.kind = 'document'`,
    ),
  };
}
const stmts = perConnection(prepare);

/** This library's team role as the server last said it (team_state.me, else the cached member); null when unknown. */
function myTeamRole(db: Database.Database): string | null {
  const row = stmts(db).me.get();
  if (!row) return null;
  const me = JSON.parse(row.value) as unknown;
  if (typeof me === 'object' && me !== null && 'teamRole' in me && typeof me.teamRole === 'string') return me.teamRole;
  const roleName = typeof me === 'string' ? me : typeof me === 'object' && me !== null && 'roleName' in me ? me.roleName : null;
  return typeof roleName === 'string' ? (stmts(db).member.get(roleName)?.team_role ?? null) : null;
}

/** True when the team deleted the document: its server head is a deletion (applyDeletion.ts). */
export function deletedByTeam(db: Database.Database, documentId: string): boolean {
  return stmts(db).deletedHead.get(documentId) !== undefined;
}

/**
 * A document whose changes no push has read yet (imported, or shared, while offline): the team has
 * never seen it, so its deletion is local only — its unsent changes and heads go, nothing is sent,
 * and anyone allowed locally deletes it (a translator's mistaken import included).
 */
function neverSent(db: Database.Database, documentId: string): boolean {
  const s = stmts(db);
  return (
    s.serverHead.get(documentId)?.server_head === null && (s.unsent.get(documentId)?.n ?? 0) > 0 && (s.seen.get(documentId)?.n ?? 0) === 0
  );
}

/** Whether a deletion of the document goes to the team: it is in the team, the team still has it, and it has seen it. */
function deletionGoesToTeam(db: Database.Database, documentId: string): boolean {
  return captureActive(db) && localHead(db, documentId) !== null && !deletedByTeam(db, documentId) && !neverSent(db, documentId);
}

/** Whether this library's team role may not delete the document (a translator, on a document the team has): asked before the dialog offers Delete. */
export function teamRefusesDeletion(db: Database.Database, documentId: string): boolean {
  return deletionGoesToTeam(db, documentId) && myTeamRole(db) === 'translator';
}

/**
 * Call inside the local deletion's transaction, before anything is deleted. Throws
 * TEAM_DELETE_NEEDS_EDITOR for a translator; returns the deletion change, or null when nothing
 * goes to the team (no team, the document is not in it, or the team deleted it already).
 */
export function captureDocumentDeletion(db: Database.Database, doc: DeletedDocument, at: string): OutgoingChange | null {
  if (!captureActive(db) || localHead(db, doc.id) === null || deletedByTeam(db, doc.id)) return null;
  if (neverSent(db, doc.id)) {
    stmts(db).dropOutbox.run(doc.id);
    stmts(db).dropHeads.run(doc.id, doc.id);
    return null;
  }
  if (teamRefusesDeletion(db, doc.id)) {
    throw new ServiceError(
      'TEAM_DELETE_NEEDS_EDITOR',
      `"${doc.title.slice(0, 80)}" is shared with your team: only a team editor or admin can delete it. Nothing was deleted.`,
      { title: doc.title.slice(0, 200) },
    );
  }
  return addChange(db, { kind: 'document', documentId: doc.id, entityId: doc.id, payload: { deleted: true, title: doc.title }, at });
}
