/**
 * Signed sign-offs and a hash-chained audit log (issue 12).
 * - `signing_keys`: one Ed25519 key pair per profile (several over time); the private key sealed
 *   (main/db/audit/keyProtection.ts), never stored in the clear.
 * - `audit_log`: append-only chain of every change (main/db/repositories/audit/auditRepo.ts).
 * Existing libraries: every existing revision is chained in id order, marked `legacy`, and each
 * existing sign-off revision of a paragraph still signed off gets an unsigned sign-off entry
 * (marked as signed before signatures existed) holding the hashes of the text it signed, so a
 * later change of that text is still detected.
 */
import { GENESIS_HASH, type SignOffClaim } from '../../../shared/signing/canonical.js';
import { appendAuditEntry } from '../repositories/audit/auditRepo.js';
import { revisionPayload, signOffPayload } from '../audit/auditEntries.js';
import { sha256Hex } from '../../core/crypto.js';
import type { Migration } from './types.js';

interface LegacyRevision {
  id: number;
  paragraph_id: string;
  document_id: string;
  profile_id: string | null;
  author_name: string;
  role: string | null;
  origin: string;
  action: string;
  before_text: string | null;
  after_text: string;
  status_before: string | null;
  status_after: string;
  created_at: string;
  source: string;
}

export const migration0180Signatures: Migration = {
  version: 180,
  name: 'signatures',
  up(db) {
    db.exec(`
      CREATE TABLE signing_keys (
        key_id              TEXT PRIMARY KEY,
        profile_id          TEXT NOT NULL REFERENCES profiles (id),
        public_key          TEXT NOT NULL,
        sealed_private_key  TEXT NOT NULL,
        protection          TEXT NOT NULL,
        created_at          TEXT NOT NULL
      );
      CREATE INDEX idx_signing_keys_profile_id ON signing_keys (profile_id);

      CREATE TABLE audit_log (
        seq           INTEGER PRIMARY KEY,
        kind          TEXT NOT NULL CHECK (kind IN ('revision', 'revision-extended', 'sign-off', 'key-created', 'document-deleted', 'settings-change')),
        document_id   TEXT,
        paragraph_id  TEXT,
        revision_id   INTEGER,
        payload       TEXT NOT NULL CHECK (json_valid(payload)),
        signature     TEXT,
        key_id        TEXT,
        prev_hash     TEXT NOT NULL,
        hash          TEXT NOT NULL UNIQUE
      );
      CREATE INDEX idx_audit_log_paragraph_id_kind_seq ON audit_log (paragraph_id, kind, seq);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);

    const rows = db
      .prepare<[], LegacyRevision>(
        `SELECT r.id, r.paragraph_id, r.document_id, r.profile_id, r.author_name, r.role, r.origin, r.action, r.before_text,
              r.after_text, r.status_before, r.status_after, r.created_at, p.source
       FROM revisions r JOIN paragraphs p ON p.id = r.paragraph_id ORDER BY r.id`,
      )
      .all();
    for (const r of rows) {
      const facts = {
        revisionId: r.id,
        documentId: r.document_id,
        paragraphId: r.paragraph_id,
        profileId: r.profile_id,
        authorName: r.author_name,
        role: r.role,
        origin: r.origin,
        action: r.action,
        beforeText: r.before_text,
        afterText: r.after_text,
        statusBefore: r.status_before,
        statusAfter: r.status_after,
        at: r.created_at,
      };
      appendAuditEntry(db, {
        kind: 'revision',
        documentId: r.document_id,
        paragraphId: r.paragraph_id,
        revisionId: r.id,
        build: () => ({ payload: revisionPayload(facts, true) }),
      });
      if (r.action !== 'sign-off') continue;
      appendAuditEntry(db, {
        kind: 'sign-off',
        documentId: r.document_id,
        paragraphId: r.paragraph_id,
        revisionId: r.id,
        build: (prevHash) => {
          const claim: SignOffClaim = {
            documentId: r.document_id,
            paragraphId: r.paragraph_id,
            sourceSha256: sha256Hex(r.source),
            targetSha256: sha256Hex(r.after_text),
            role: r.role === 'translator' ? 'translator' : 'editor',
            at: r.created_at,
            keyId: '',
            prevAuditHash: prevHash ?? GENESIS_HASH,
          };
          return {
            payload: signOffPayload(claim, { revisionId: r.id, profileId: r.profile_id, signerName: r.author_name, signed: false }),
          };
        },
      });
    }
  },
};
