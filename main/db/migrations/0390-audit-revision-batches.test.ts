import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { appendAuditEntry } from '../repositories/audit/auditRepo.js';
import { auditKindsAllowed } from './0370-team-assignment-audit.js';
import { MIGRATIONS } from './index.js';

describe('migration 0390-audit-revision-batches', () => {
  it('allows revisions entries, keeps every kind, every link and its indexes, and the log append-only', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 390),
    );
    const before = auditKindsAllowed(db);
    expect(before).not.toContain('revisions');
    expect(before).toContain('team-assignment');
    const entry = (kind: 'team-assignment' | 'revisions') =>
      appendAuditEntry(db, { kind, documentId: null, paragraphId: null, revisionId: null, build: () => ({ payload: { n: 1 } }) });
    entry('team-assignment');
    expect(() => entry('revisions')).toThrow(/CHECK/);
    const links = db.prepare('SELECT * FROM audit_log ORDER BY seq').all();
    const indexes = () => db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'audit_log' ORDER BY name").pluck().all();
    const indexesBefore = indexes();
    expect(migrate(db).applied).toContain('0390-audit-revision-batches');
    expect(auditKindsAllowed(db)).toEqual([...before, 'revisions']);
    expect(db.prepare('SELECT * FROM audit_log ORDER BY seq').all()).toEqual(links);
    expect(indexes()).toEqual(indexesBefore);
    entry('revisions');
    expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    expect(() => db.exec("UPDATE audit_log SET kind = 'revision'")).toThrow(/append-only/);
    db.close();
  });
});
