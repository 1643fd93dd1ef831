/**
 * Chains editorial records into the audit log (issue 12): footer settings changes, declarations
 * that a translation of unknown origin is human, and profiles as created. Each is called inside
 * the transaction that writes the record; migration 0210 calls them with `legacy` for the records
 * that existed before.
 */
import type Database from 'better-sqlite3';
import { appendAuditEntry } from '../repositories/audit/auditRepo.js';
import {
  originDeclaredPayload,
  profileCreatedPayload,
  settingsBaselinePayload,
  settingsChangePayload,
  type DeclarationFacts,
  type SettingsChangeRow,
} from './auditEntries.js';

export function auditSettingsChange(db: Database.Database, row: SettingsChangeRow, legacy = false): void {
  appendAuditEntry(db, {
    kind: 'settings-change',
    documentId: null,
    paragraphId: null,
    revisionId: null,
    build: () => ({ payload: settingsChangePayload(row, legacy) }),
  });
}

export function auditSettingsBaseline(
  db: Database.Database,
  b: { setting: string; lang: string | null; valueJson: string; at: string },
): void {
  appendAuditEntry(db, {
    kind: 'settings-change',
    documentId: null,
    paragraphId: null,
    revisionId: null,
    build: () => ({ payload: settingsBaselinePayload(b) }),
  });
}

export function auditOriginDeclared(db: Database.Database, d: DeclarationFacts, legacy = false): void {
  appendAuditEntry(db, {
    kind: 'origin-declared',
    documentId: d.documentId,
    paragraphId: d.paragraphId,
    revisionId: null,
    build: () => ({ payload: originDeclaredPayload(d, legacy) }),
  });
}

export function auditProfileCreated(
  db: Database.Database,
  p: { id: string; name: string; role: string; createdAt: string },
  legacy = false,
): void {
  appendAuditEntry(db, {
    kind: 'profile-created',
    documentId: null,
    paragraphId: null,
    revisionId: null,
    build: () => ({ payload: profileCreatedPayload(p, legacy) }),
  });
}
