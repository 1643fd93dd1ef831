/**
 * Taking back an assignment the team server refused (e.g. this member is no longer an editor: RLS):
 * if the document still shows that assignment, it goes back to the team's head value (the last
 * assignment pulled; none: no assignment), recorded in the audit chain as `taken-back` by "Team
 * server" with the server's reason. The refusal stays on the outbox row, listed in Settings → Team.
 */
import type Database from 'better-sqlite3';
import { assignmentPayloadSchema } from './applyPayloads.js';
import { writeAssignment } from './assignmentRecord.js';
import type { OutboxRow } from './outboxStore.js';
import { TEAM_SERVER_AUTHOR } from './outboxWithdraw.js';

/** True when the assignment was taken back; false when the document shows another value (a later change, or none). */
export function takeBackRefusedAssignment(db: Database.Database, row: OutboxRow, reason: string, at: string): boolean {
  const shown = db
    .prepare<[string], { change_id: string }>('SELECT change_id FROM team_assignments WHERE document_id = ?')
    .get(row.document_id);
  if (!shown || shown.change_id !== row.change_id) return false;
  const head = db
    .prepare<[string], { change_id: string; payload: string }>('SELECT change_id, payload FROM team_entity_heads WHERE entity_id = ?')
    .get(row.entity_id);
  const value = head ? assignmentPayloadSchema.safeParse(JSON.parse(head.payload)) : null;
  writeAssignment(db, {
    documentId: row.document_id,
    translator: value?.success ? value.data.translator : null,
    editor: value?.success ? value.data.editor : null,
    changeId: head && value?.success ? head.change_id : null,
    how: 'taken-back',
    by: TEAM_SERVER_AUTHOR,
    reason,
    at,
  });
  return true;
}
