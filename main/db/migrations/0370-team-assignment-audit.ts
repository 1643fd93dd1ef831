/**
 * Team assignments in the audit chain (issue 16 item 4, docs/team.md#assignments): every change
 * to `team_assignments` — made here, pulled from the team, or taken back when the server refused
 * it — is a `team-assignment` entry of `audit_log`. The `kind` CHECK grows by that one kind
 * (SQLite cannot alter a CHECK: the table is rebuilt, rows and hashes copied as they are, as
 * migration 0210 did). The list is read from the table as it stands, so kinds another migration
 * added are kept whichever ran first.
 */
import type Database from 'better-sqlite3';
import type { Migration } from './types.js';

export const TEAM_ASSIGNMENT_AUDIT_KIND = 'team-assignment';

/** The kinds the current `audit_log` CHECK allows. */
export function auditKindsAllowed(db: Database.Database): string[] {
  const sql = db.prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'audit_log'").get()?.sql;
  const list = sql && /kind\s+TEXT NOT NULL CHECK \(kind IN \(([^)]*)\)\)/.exec(sql)?.[1];
  if (!list) throw new Error('audit_log has no kind CHECK this migration knows.');
  return [...list.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
}

/** Rebuilds `audit_log` with a `kind` CHECK allowing `kinds`, its rows and hashes copied as they are (0390 too). */
export function rebuildAuditLog(db: Database.Database, kinds: readonly string[]): void {
  const check = kinds.map((k) => `'${k.replace(/'/g, "''")}'`).join(', ');
  db.exec(`
    ALTER TABLE audit_log RENAME TO audit_log_0370;
    CREATE TABLE audit_log (
      seq           INTEGER PRIMARY KEY,
      kind          TEXT NOT NULL CHECK (kind IN (${check})),
      document_id   TEXT,
      paragraph_id  TEXT,
      revision_id   INTEGER,
      payload       TEXT NOT NULL CHECK (json_valid(payload)),
      signature     TEXT,
      key_id        TEXT,
      prev_hash     TEXT NOT NULL,
      hash          TEXT NOT NULL UNIQUE
    );
    INSERT INTO audit_log SELECT seq, kind, document_id, paragraph_id, revision_id, payload, signature, key_id, prev_hash, hash FROM audit_log_0370 ORDER BY seq;
    DROP TABLE audit_log_0370;
    CREATE INDEX idx_audit_log_paragraph_id_kind_seq ON audit_log (paragraph_id, kind, seq);
    CREATE INDEX idx_audit_log_kind_seq ON audit_log (kind, seq);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `);
}

export const migration0370TeamAssignmentAudit: Migration = {
  version: 370,
  name: 'team-assignment-audit',
  up(db) {
    const kinds = auditKindsAllowed(db);
    if (!kinds.includes(TEAM_ASSIGNMENT_AUDIT_KIND)) rebuildAuditLog(db, [...kinds, TEAM_ASSIGNMENT_AUDIT_KIND]);
  },
};
