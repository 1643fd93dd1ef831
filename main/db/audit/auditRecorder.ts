/**
 * Chains every revision write into the audit log, in the same transaction as the write (the
 * revisions repository calls it): a link of its own, or one shared with the other revisions of a
 * bulk write (revisionLinks.ts). A sign-off revision also gets a `sign-off` entry whose claim
 * (shared/signing/canonical.ts `encodeSignOff`) the signer's Ed25519 key signs.
 */
import type Database from 'better-sqlite3';
import { encodeSignOff, type SignOffClaim } from '../../../shared/signing/canonical.js';
import { appendAuditEntry, type StoredAuditEntry } from '../repositories/audit/auditRepo.js';
import { revisionExtendedPayload, revisionPayload, signOffPayload, type RevisionFacts, type TeamSigner } from './auditEntries.js';
import { sha256Hex } from '../../core/crypto.js';
import type { SigningKeys } from './signingKeys.js';
import { gatherRevisionLink } from './revisionLinks.js';

export function createAuditRecorder(db: Database.Database, keys: SigningKeys) {
  const sourceStmt = db.prepare<[string], { source: string }>('SELECT source FROM paragraphs WHERE id = ?');
  const revisionStmt = db.prepare<[number], { document_id: string; paragraph_id: string }>(
    'SELECT document_id, paragraph_id FROM revisions WHERE id = ?',
  );

  function signOff(r: RevisionFacts): StoredAuditEntry {
    const key = r.profileId !== null ? keys.keyFor(r.profileId) : null;
    const source = sourceStmt.get(r.paragraphId)?.source ?? '';
    return appendAuditEntry(db, {
      kind: 'sign-off',
      documentId: r.documentId,
      paragraphId: r.paragraphId,
      revisionId: r.revisionId,
      build: (prevAuditHash) => {
        const claim: SignOffClaim = {
          documentId: r.documentId,
          paragraphId: r.paragraphId,
          sourceSha256: sha256Hex(source),
          targetSha256: sha256Hex(r.afterText),
          role: r.role === 'translator' ? 'translator' : 'editor',
          at: r.at,
          keyId: key?.keyId ?? '',
          prevAuditHash,
        };
        return {
          payload: signOffPayload(claim, {
            revisionId: r.revisionId,
            profileId: r.profileId,
            signerName: r.authorName,
            signed: key !== null,
          }),
          signature: key ? key.sign(encodeSignOff(claim)) : null,
          keyId: key?.keyId ?? null,
        };
      },
    });
  }

  /** A remote sign-off keeps the signer's own claim and signature (verified before it is applied). */
  function remoteSignOff(r: RevisionFacts, remote: RemoteSignOff): StoredAuditEntry {
    return appendAuditEntry(db, {
      kind: 'sign-off',
      documentId: r.documentId,
      paragraphId: r.paragraphId,
      revisionId: r.revisionId,
      build: () => ({
        payload: signOffPayload(remote.claim, {
          revisionId: r.revisionId,
          profileId: null,
          signerName: r.authorName,
          signed: true,
          team: remote.signer,
        }),
        signature: remote.signature,
        keyId: remote.claim.keyId,
      }),
    });
  }

  return {
    /** Returns the sign-off entry (claim, signature, key id) a sign-off revision adds, else null; `remote`: a team member's own claim and signature. */
    revisionInserted(r: RevisionFacts, remote?: RemoteSignOff): StoredAuditEntry | null {
      // A bulk write's revisions share one link (never a sign-off: revisionLinks.ts).
      if (gatherRevisionLink(db, r)) return null;
      appendAuditEntry(db, {
        kind: 'revision',
        documentId: r.documentId,
        paragraphId: r.paragraphId,
        revisionId: r.revisionId,
        build: () => ({ payload: revisionPayload(r) }),
      });
      if (r.action !== 'sign-off') return null;
      return remote ? remoteSignOff(r, remote) : signOff(r);
    },
    revisionExtended(revisionId: number, afterText: string, statusAfter: string, at: string): void {
      const row = revisionStmt.get(revisionId);
      if (!row) return;
      const e = { revisionId, documentId: row.document_id, paragraphId: row.paragraph_id, afterText, statusAfter, at };
      appendAuditEntry(db, {
        kind: 'revision-extended',
        documentId: e.documentId,
        paragraphId: e.paragraphId,
        revisionId,
        build: () => ({ payload: revisionExtendedPayload(e) }),
      });
    },
  };
}

export type AuditRecorder = ReturnType<typeof createAuditRecorder>;

/** A sign-off another team member signed (team library, issue 16): applied with their claim and signature. */
export interface RemoteSignOff {
  claim: SignOffClaim;
  signature: string;
  signer: TeamSigner;
}
