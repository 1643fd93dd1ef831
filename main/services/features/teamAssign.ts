/**
 * Assignments (issue 16 item 4, docs/team.md#assignments): who translates and who edits a document
 * in the team. An editor or admin assigns; the row of team_assignments is written at once and an
 * `assignment` change goes to the outbox in the same transaction (its entity is
 * `assignment:<document id>`, chained on that entity's local head), with its entry in the local audit
 * chain (assignmentRecord.ts). The server keeps every assignment in its append-only history and
 * refuses one from a translator (RLS); a refused one is taken back (outboxAssignment.ts).
 */
import type Database from 'better-sqlite3';
import type { TeamDocumentAssignment, TeamMe, TeamMemberView } from '../../../shared/features/teamApi.js';
import { TEAM_ROLES } from '../../../shared/features/teamApi.js';
import { ServiceError } from '../../core/serviceError.js';
import { assignmentEntityId } from '../../team/local/applyAssignment.js';
import { documentInTeam } from '../../team/local/captureRevisions.js';
import { addChange } from '../../team/local/outboxStore.js';
import { writeAssignment } from '../../team/local/assignmentRecord.js';

interface MemberRow {
  role_name: string;
  display_name: string;
  team_role: string;
}

function toView(r: MemberRow): TeamMemberView {
  return { roleName: r.role_name, displayName: r.display_name, teamRole: TEAM_ROLES.find((t) => t === r.team_role) ?? 'translator' };
}

export function listMembers(db: Database.Database): TeamMemberView[] {
  return db
    .prepare<[], MemberRow>('SELECT role_name, display_name, team_role FROM team_members ORDER BY display_name, role_name')
    .all()
    .map(toView);
}

function memberOf(db: Database.Database, roleName: string): TeamMemberView | null {
  const row = db
    .prepare<[string], MemberRow>('SELECT role_name, display_name, team_role FROM team_members WHERE role_name = ?')
    .get(roleName);
  return row ? toView(row) : null;
}

/** A member not in the cached list (yet) is shown by role name. */
function shown(db: Database.Database, roleName: string | null): TeamMemberView | null {
  if (roleName === null) return null;
  return memberOf(db, roleName) ?? { roleName, displayName: roleName, teamRole: 'translator' };
}

export function canAssign(me: TeamMe | null): boolean {
  return me !== null && (me.teamRole === 'editor' || me.teamRole === 'admin');
}

export function documentAssignment(db: Database.Database, documentId: string, me: TeamMe | null): TeamDocumentAssignment {
  const row = db
    .prepare<[string], { translator: string | null; editor: string | null }>(
      'SELECT translator, editor FROM team_assignments WHERE document_id = ?',
    )
    .get(documentId);
  const inTeam = documentInTeam(db, documentId);
  return {
    documentId,
    inTeam,
    canAssign: inTeam && canAssign(me),
    translator: shown(db, row?.translator ?? null),
    editor: shown(db, row?.editor ?? null),
  };
}

/** The translator may be any known member (editors translate too); the editor must be an editor (sign-offs need it). */
function checkMember(db: Database.Database, roleName: string | null, as: 'translator' | 'editor'): void {
  if (roleName === null) return;
  const m = memberOf(db, roleName);
  if (!m || (as === 'editor' && m.teamRole !== 'editor')) {
    const what = as === 'editor' ? 'an editor of the team' : 'a member of the team';
    throw new ServiceError('TEAM_MEMBER_UNKNOWN', `“${roleName}” is not ${what} (as this library last synced).`, { roleName, as });
  }
}

export interface AssignInput {
  documentId: string;
  translator: string | null;
  editor: string | null;
}

/** Checks, then writes the row and the outbox change in one transaction. `me` null: not connected to a team. */
export function assignDocument(db: Database.Database, me: TeamMe | null, input: AssignInput, at: string): TeamDocumentAssignment {
  const { documentId, translator, editor } = input;
  if (!db.prepare<[string], { one: number }>('SELECT 1 AS one FROM documents WHERE id = ?').get(documentId))
    throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document does not exist (it may have been deleted).', { documentId });
  if (me === null) throw new ServiceError('TEAM_NOT_CONFIGURED', 'This library is not connected to a team.');
  if (!documentInTeam(db, documentId))
    throw new ServiceError('TEAM_DOCUMENT_NOT_IN_TEAM', 'This document is not shared with the team.', { documentId });
  if (!canAssign(me)) throw new ServiceError('TEAM_ASSIGN_NEEDS_EDITOR', 'Only an editor or an admin of the team can assign documents.');
  checkMember(db, translator, 'translator');
  checkMember(db, editor, 'editor');
  db.transaction(() => {
    const change = addChange(db, {
      kind: 'assignment',
      documentId,
      entityId: assignmentEntityId(documentId),
      payload: { translator, editor },
      at,
    });
    writeAssignment(db, { documentId, translator, editor, changeId: change.id, how: 'assigned', by: me.roleName, reason: null, at });
  })();
  return documentAssignment(db, documentId, me);
}
