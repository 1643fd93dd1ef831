/**
 * The audit log also chains the editorial records (issue 12): footer settings changes, declarations
 * that a translation of unknown origin is human, and profiles as created. The `kind` CHECK of
 * `audit_log` grows (SQLite cannot alter a CHECK: the table is rebuilt, rows and hashes copied
 * as they are), then the records that existed are chained, marked legacy, with a baseline entry for
 * any footer setting whose value in force no recorded change explains.
 */
import type Database from 'better-sqlite3';
import { auditOriginDeclared, auditProfileCreated, auditSettingsBaseline, auditSettingsChange } from '../audit/recordAudit.js';
import type { SettingsChangeRow } from '../audit/auditEntries.js';
import { unrecordedFooterSettings, currentFooterSettings } from '../audit/footerSettingsRecord.js';
import type { Migration } from './types.js';

const KINDS =
  "'revision', 'revision-extended', 'sign-off', 'key-created', 'document-deleted', 'settings-change', 'origin-declared', 'profile-created'";

function rebuildAuditLog(db: Database.Database): void {
  db.exec(`
    ALTER TABLE audit_log RENAME TO audit_log_0180;
    CREATE TABLE audit_log (
      seq           INTEGER PRIMARY KEY,
      kind          TEXT NOT NULL CHECK (kind IN (${KINDS})),
      document_id   TEXT,
      paragraph_id  TEXT,
      revision_id   INTEGER,
      payload       TEXT NOT NULL CHECK (json_valid(payload)),
      signature     TEXT,
      key_id        TEXT,
      prev_hash     TEXT NOT NULL,
      hash          TEXT NOT NULL UNIQUE
    );
    INSERT INTO audit_log SELECT seq, kind, document_id, paragraph_id, revision_id, payload, signature, key_id, prev_hash, hash FROM audit_log_0180 ORDER BY seq;
    DROP TABLE audit_log_0180;
    CREATE INDEX idx_audit_log_paragraph_id_kind_seq ON audit_log (paragraph_id, kind, seq);
    CREATE INDEX idx_audit_log_kind_seq ON audit_log (kind, seq);
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `);
}

function chainExisting(db: Database.Database): void {
  for (const p of db
    .prepare<[], { id: string; name: string; role: string; created_at: string }>(
      'SELECT id, name, role, created_at FROM profiles ORDER BY created_at, rowid',
    )
    .all()) {
    auditProfileCreated(db, { id: p.id, name: p.name, role: p.role, createdAt: p.created_at }, true);
  }
  for (const row of db.prepare<[], SettingsChangeRow>('SELECT * FROM settings_changes ORDER BY seq').all())
    auditSettingsChange(db, row, true);
  const declarations = db.prepare<[], { document_id: string; paragraph_id: string; by: string; role: string; at: string; reason: string }>(
    `SELECT p.document_id, o.paragraph_id, o.declared_human_by AS by, coalesce(o.declared_human_role, 'editor') AS role,
            coalesce(o.declared_human_at, '') AS at, coalesce(o.declared_human_reason, '') AS reason
     FROM provenance_origins o JOIN paragraphs p ON p.id = o.paragraph_id
     WHERE o.declared_human_by IS NOT NULL ORDER BY p.document_id, p.position`,
  );
  for (const d of declarations.all()) {
    auditOriginDeclared(
      db,
      { documentId: d.document_id, paragraphId: d.paragraph_id, name: d.by, role: d.role, at: d.at, reason: d.reason },
      true,
    );
  }
  const at = new Date().toISOString();
  const values = new Map(currentFooterSettings(db).map((v) => [`${v.setting}|${v.lang ?? ''}`, v.valueJson]));
  for (const s of unrecordedFooterSettings(db)) {
    auditSettingsBaseline(db, { setting: s.setting, lang: s.lang, valueJson: values.get(`${s.setting}|${s.lang ?? ''}`) ?? 'null', at });
  }
}

export const migration0210AuditRecords: Migration = {
  version: 210,
  name: 'audit-records',
  up(db) {
    rebuildAuditLog(db);
    chainExisting(db);
  },
};
