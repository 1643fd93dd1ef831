import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../migrate.js';
import { appendAuditEntry } from '../repositories/audit/auditRepo.js';
import { auditKindsAllowed } from './0370-team-assignment-audit.js';
import { MIGRATIONS } from './index.js';

describe('migration 0370-team-assignment-audit', () => {
  it('allows team-assignment entries, keeps every kind and every link as it was, and the log append-only', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 370),
    );
    const before = auditKindsAllowed(db);
    expect(before).not.toContain('team-assignment');
    const entry = (kind: 'profile-created' | 'team-assignment') =>
      appendAuditEntry(db, { kind, documentId: null, paragraphId: null, revisionId: null, build: () => ({ payload: { n: 1 } }) });
    entry('profile-created');
    expect(() => entry('team-assignment')).toThrow(/CHECK/);
    const links = db.prepare('SELECT * FROM audit_log ORDER BY seq').all();
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 370),
      ).applied,
    ).toEqual(['0370-team-assignment-audit']);
    expect(auditKindsAllowed(db)).toEqual([...before, 'team-assignment']);
    expect(db.prepare('SELECT * FROM audit_log ORDER BY seq').all()).toEqual(links);
    entry('team-assignment');
    expect(() => db.exec('DELETE FROM audit_log')).toThrow(/append-only/);
    db.close();
  });
});
