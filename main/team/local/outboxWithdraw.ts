/**
 * Taking back a sign-off the team server refused: if the paragraph still carries that sign-off, it
 * is withdrawn through the normal write path (the paragraph row and a `sign-off-withdrawn`
 * revision, chained in the audit log), by "Team server", back to the status it had before. The
 * server's reason stays on the outbox row (`refusals()`), for the UI to say why.
 */
import type Database from 'better-sqlite3';
import type { ParagraphStatus } from '../../../shared/types.js';
import type { Repositories } from '../../db/repositories/index.js';
import { outboxStatements, type OutboxRow } from './outboxStore.js';

/** Who the history names for a withdrawal the team server caused. */
export const TEAM_SERVER_AUTHOR = 'Team server';

const lastSignOff = new WeakMap<Database.Database, Database.Statement<[string], { id: number; status_before: ParagraphStatus | null }>>();

function lastSignOffStmt(db: Database.Database) {
  let stmt = lastSignOff.get(db);
  if (!stmt) {
    stmt = db.prepare<[string], { id: number; status_before: ParagraphStatus | null }>(
      "SELECT id, status_before FROM revisions WHERE paragraph_id = ? AND action = 'sign-off' ORDER BY id DESC LIMIT 1",
    );
    lastSignOff.set(db, stmt);
  }
  return stmt;
}

/** True when a sign-off was withdrawn; false when the paragraph no longer carries that sign-off (nothing to take back). */
export function withdrawRefusedSignOff(
  db: Database.Database,
  repos: Pick<Repositories, 'paragraphs' | 'revisions'>,
  row: OutboxRow,
  at: string,
): boolean {
  const revisionId = outboxStatements(db).revisionOfChange.get(row.change_id)?.revision_id;
  const p = repos.paragraphs.get(row.entity_id);
  if (revisionId === undefined || !p || p.status !== 'signed-off') return false;
  const last = lastSignOffStmt(db).get(p.id);
  if (!last || last.id !== revisionId) return false;
  const status: ParagraphStatus = last.status_before && last.status_before !== 'signed-off' ? last.status_before : 'translated';
  const { signatureBroken: _broken, ...rest } = p;
  repos.paragraphs.update({ ...rest, status, signOff: null, updatedAt: at });
  repos.revisions.insert({
    paragraphId: p.id,
    documentId: p.documentId,
    profileId: null,
    authorName: TEAM_SERVER_AUTHOR,
    role: null,
    origin: 'human',
    action: 'sign-off-withdrawn',
    mtEngine: null,
    beforeText: p.target,
    afterText: p.target,
    statusBefore: 'signed-off',
    statusAfter: status,
    createdAt: at,
  });
  return true;
}
