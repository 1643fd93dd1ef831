/**
 * Issue 17: a bulk write's revisions (an import's, a pre-fill's) share one audit link, a
 * `revisions` entry (main/db/audit/revisionLinks.ts), instead of one `revision` entry each. The `kind` CHECK grows
 * by that one kind (the table rebuilt, rows and hashes copied as they are, as migration 0370 does).
 */
import { auditKindsAllowed, rebuildAuditLog } from './0370-team-assignment-audit.js';
import type { Migration } from './types.js';

export const REVISIONS_AUDIT_KIND = 'revisions';

export const migration0390AuditRevisionBatches: Migration = {
  version: 390,
  name: 'audit-revision-batches',
  up(db) {
    const kinds = auditKindsAllowed(db);
    if (!kinds.includes(REVISIONS_AUDIT_KIND)) rebuildAuditLog(db, [...kinds, REVISIONS_AUDIT_KIND]);
  },
};
