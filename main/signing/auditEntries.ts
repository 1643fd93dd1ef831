/**
 * What each audit-log entry says (its canonical payload). Texts appear only as SHA-256. Used by
 * the live log (auditRepo.ts) and by migration 0180, which chains the rows that existed before.
 */
import type { CanonicalValue, SignOffClaim } from '../../shared/signing/canonical.js';
import { sha256Hex } from './crypto.js';

/** `settings-change`: reserved for the footer-governance records (issue 12, another part), written with `appendAuditEntry`. */
export type AuditKind = 'revision' | 'revision-extended' | 'sign-off' | 'key-created' | 'document-deleted' | 'settings-change';

/** The revision columns an entry covers. */
export interface RevisionFacts {
  revisionId: number;
  documentId: string;
  paragraphId: string;
  profileId: string | null;
  authorName: string;
  role: string | null;
  origin: string;
  action: string;
  beforeText: string | null;
  afterText: string;
  statusBefore: string | null;
  statusAfter: string;
  at: string;
}

/** `legacy`: the row existed before signatures (migration 0180 chained it). */
export function revisionPayload(r: RevisionFacts, legacy = false): CanonicalValue {
  return {
    type: 'verso.revision.v1',
    revisionId: r.revisionId,
    documentId: r.documentId,
    paragraphId: r.paragraphId,
    profileId: r.profileId,
    author: r.authorName,
    role: r.role,
    origin: r.origin,
    action: r.action,
    beforeSha256: r.beforeText === null ? null : sha256Hex(r.beforeText),
    afterSha256: sha256Hex(r.afterText),
    statusBefore: r.statusBefore,
    statusAfter: r.statusAfter,
    at: r.at,
    ...(legacy ? { legacy: 'chained by migration 0180; written before signatures existed' } : {}),
  };
}

/** A coalesced edit folded into an existing revision (autosave). */
export function revisionExtendedPayload(e: { revisionId: number; documentId: string; paragraphId: string; afterText: string; statusAfter: string; at: string }): CanonicalValue {
  return {
    type: 'verso.revision-extended.v1',
    revisionId: e.revisionId,
    documentId: e.documentId,
    paragraphId: e.paragraphId,
    afterSha256: sha256Hex(e.afterText),
    statusAfter: e.statusAfter,
    at: e.at,
  };
}

/** A sign-off: the claim the signature covers, who signed, and the revision it belongs to. `signed: false` only for legacy sign-offs. */
export function signOffPayload(claim: SignOffClaim, extra: { revisionId: number; profileId: string | null; signerName: string; signed: boolean }): CanonicalValue {
  return {
    type: 'verso.sign-off-entry.v1',
    revisionId: extra.revisionId,
    profileId: extra.profileId,
    signer: extra.signerName,
    claim: { ...claim },
    ...(extra.signed ? {} : { legacy: 'signed off before signatures existed (chained by migration 0180, not signed)' }),
  };
}

export function keyCreatedPayload(k: { profileId: string; keyId: string; publicKey: string; protection: string; at: string }): CanonicalValue {
  return { type: 'verso.key-created.v1', profileId: k.profileId, keyId: k.keyId, publicKey: k.publicKey, protection: k.protection, at: k.at };
}

/** Reads a sign-off entry's claim back (null when the payload is not one). */
export function claimOf(payload: string): (SignOffClaim & { legacy: boolean }) | null {
  try {
    const value = JSON.parse(payload) as { type?: unknown; claim?: Partial<SignOffClaim>; legacy?: unknown };
    if (value.type !== 'verso.sign-off-entry.v1' || typeof value.claim !== 'object' || value.claim === null) return null;
    const c = value.claim;
    const fields = ['documentId', 'paragraphId', 'sourceSha256', 'targetSha256', 'role', 'at', 'keyId', 'prevAuditHash'] as const;
    if (!fields.every((f) => typeof c[f] === 'string')) return null;
    return { ...(c as SignOffClaim), legacy: value.legacy !== undefined };
  } catch {
    return null;
  }
}

/** A document deleted: the tombstone in the chain (who, when, title, and every paragraph's text hashes), since its revisions go with it. */
export function documentDeletedPayload(d: {
  documentId: string;
  title: string;
  profileId: string;
  author: string;
  role: string;
  at: string;
  paragraphs: readonly { id: string; source: string; target: string; status: string }[];
}): CanonicalValue {
  return {
    type: 'verso.document-deleted.v1',
    documentId: d.documentId,
    title: d.title,
    profileId: d.profileId,
    author: d.author,
    role: d.role,
    at: d.at,
    paragraphs: d.paragraphs.map((p) => ({ paragraphId: p.id, sourceSha256: sha256Hex(p.source), targetSha256: sha256Hex(p.target), status: p.status })),
  };
}
