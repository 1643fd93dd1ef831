/**
 * What the team service reads and writes in the local team tables (migration 0300) itself:
 * `team_state` keys `me` (the member this library is: capture is on while it is set,
 * main/team/local/captureSwitch.ts) and `lastSync`; refused changes kept in `team_outbox`; this
 * member's rows of `team_assignments`. The outbox and applying pulled changes are the local
 * store's (main/team/local/).
 */
import type Database from 'better-sqlite3';
import { CHANGE_KINDS, REFUSAL_CODES, type RefusalCode } from '../../../shared/team/changes.js';
import { TEAM_ROLES, type TeamAssignment, type TeamMe, type TeamRefusal } from '../../../shared/features/teamApi.js';
import type { TeamMember } from '../../team/ports.js';

const ME = 'me';
const LAST_SYNC = 'lastSync';
/** Most refusals listed (newest first). */
const REFUSALS_SHOWN = 100;

function readState(db: Database.Database, key: string): unknown {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM team_state WHERE key = ?').get(key);
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

function writeState(db: Database.Database, key: string, value: unknown): void {
  db.prepare<[string, string]>(
    'INSERT INTO team_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

/** `team_state.me` holds the whole member as the server said (role name, display name, team role, key). */
export function writeMe(db: Database.Database, me: TeamMember): void {
  writeState(db, ME, me);
}

/** Capture stops (the outbox is kept). */
export function clearMe(db: Database.Database): void {
  db.prepare("DELETE FROM team_state WHERE key = 'me'").run();
}

export function readMe(db: Database.Database): TeamMe | null {
  const value = readState(db, ME) as Partial<TeamMember> | undefined;
  if (!value || typeof value.roleName !== 'string' || typeof value.displayName !== 'string') return null;
  const teamRole = TEAM_ROLES.find((r) => r === value.teamRole);
  return teamRole ? { roleName: value.roleName, displayName: value.displayName, teamRole } : null;
}

export function writeLastSync(db: Database.Database, at: string): void {
  writeState(db, LAST_SYNC, at);
}

export function readLastSync(db: Database.Database): string | null {
  const value = readState(db, LAST_SYNC);
  return typeof value === 'string' ? value : null;
}

function refusalCode(code: string): RefusalCode {
  return REFUSAL_CODES.find((c) => c === code) ?? 'TEAM_CHANGE_INVALID';
}

export function listRefusals(db: Database.Database): TeamRefusal[] {
  return db
    .prepare<
      [number],
      { change_id: string; kind: string; document_id: string; title: string | null; refused_code: string; refused_message: string }
    >(
      `SELECT o.change_id, o.kind, o.document_id, d.title, o.refused_code, o.refused_message
       FROM team_outbox o LEFT JOIN documents d ON d.id = o.document_id
       WHERE o.refused_code IS NOT NULL ORDER BY o.rowid DESC LIMIT ?`,
    )
    .all(REFUSALS_SHOWN)
    .map((r) => ({
      changeId: r.change_id,
      kind: CHANGE_KINDS.find((k) => k === r.kind) ?? 'paragraph',
      documentId: r.document_id,
      documentTitle: r.title,
      code: refusalCode(r.refused_code),
      message: r.refused_message,
    }));
}

export function listAssignments(db: Database.Database, roleName: string): TeamAssignment[] {
  const rows = db
    .prepare<[string, string], { document_id: string; translator: string | null; editor: string | null }>(
      'SELECT document_id, translator, editor FROM team_assignments WHERE translator = ? OR editor = ? ORDER BY document_id',
    )
    .all(roleName, roleName);
  return rows.map((r) => ({ documentId: r.document_id, as: r.editor === roleName ? 'editor' : 'translator' }));
}
