/**
 * What each audit-log entry says (its canonical payload). Texts appear only as SHA-256. Used by
 * the live log (auditRepo.ts) and by migration 0180, which chains the rows that existed before.
 */
import { canonicalJson, type CanonicalValue, type SignOffClaim } from '../../../shared/signing/canonical.js';
import { sha256Hex } from '../../core/crypto.js';

/**
 * `settings-change`: a footer policy/template change (settings_changes), or the baseline value in
 * force when chaining began (migration 0210); `origin-declared`: an editor's declaration that a
 * translation of unknown origin is human; `profile-created`: a profile's name and role as created.
 */
export const AUDIT_KINDS = [
  'revision',
  'revisions',
  'revision-extended',
  'sign-off',
  'key-created',
  'document-deleted',
  'settings-change',
  'origin-declared',
  'profile-created',
  'team-assignment',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

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
export function revisionExtendedPayload(e: {
  revisionId: number;
  documentId: string;
  paragraphId: string;
  afterText: string;
  statusAfter: string;
  at: string;
}): CanonicalValue {
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

/**
 * A sign-off made by another team member and applied from the team server (issue 16): the member
 * (PostgreSQL role) and the public key a team admin registered for them, which verifies the
 * signature. Its claim's `prevAuditHash` names the signer's own chain, not this library's.
 */
export interface TeamSigner {
  member: string;
  /** base64 of the raw Ed25519 public key. */
  publicKey: string;
}

/** The team signer of a stored sign-off entry (null for a sign-off made in this library). */
export function teamSignerOf(payload: string): TeamSigner | null {
  try {
    const team = (JSON.parse(payload) as { team?: { member?: unknown; publicKey?: unknown } }).team;
    return team && typeof team.member === 'string' && typeof team.publicKey === 'string'
      ? { member: team.member, publicKey: team.publicKey }
      : null;
  } catch {
    return null;
  }
}

/** A sign-off: the claim the signature covers, who signed, and the revision it belongs to. `signed: false` only for legacy sign-offs. */
export function signOffPayload(
  claim: SignOffClaim,
  extra: { revisionId: number; profileId: string | null; signerName: string; signed: boolean; team?: TeamSigner },
): CanonicalValue {
  return {
    type: 'verso.sign-off-entry.v1',
    revisionId: extra.revisionId,
    profileId: extra.profileId,
    signer: extra.signerName,
    claim: { ...claim },
    ...(extra.team ? { team: { member: extra.team.member, publicKey: extra.team.publicKey } } : {}),
    ...(extra.signed ? {} : { legacy: 'signed off before signatures existed (chained by migration 0180, not signed)' }),
  };
}

export function keyCreatedPayload(k: {
  profileId: string;
  keyId: string;
  publicKey: string;
  protection: string;
  at: string;
}): CanonicalValue {
  return {
    type: 'verso.key-created.v1',
    profileId: k.profileId,
    keyId: k.keyId,
    publicKey: k.publicKey,
    protection: k.protection,
    at: k.at,
  };
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
  profileId: string | null;
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
    paragraphs: d.paragraphs.map((p) => ({
      paragraphId: p.id,
      sourceSha256: sha256Hex(p.source),
      targetSha256: sha256Hex(p.target),
      status: p.status,
    })),
  };
}

const LEGACY_0210 = 'chained by migration 0210; written before such records were chained';

/** A settings_changes row as stored (values are the JSON texts of the row). */
export interface SettingsChangeRow {
  id: string;
  changed_at: string;
  setting: string;
  lang: string | null;
  before_value: string;
  after_value: string;
  reason: string | null;
  profile_id: string | null;
  author_name: string;
  role: string;
}

/** A footer policy or template change: values as SHA-256 of their stored JSON. */
export function settingsChangePayload(r: SettingsChangeRow, legacy = false): CanonicalValue {
  return {
    type: 'verso.settings-change.v1',
    changeId: r.id,
    setting: r.setting,
    lang: r.lang,
    beforeSha256: sha256Hex(r.before_value),
    afterSha256: sha256Hex(r.after_value),
    reason: r.reason,
    profileId: r.profile_id,
    author: r.author_name,
    role: r.role,
    at: r.changed_at,
    ...(legacy ? { legacy: LEGACY_0210 } : {}),
  };
}

/** The value of a footer setting in force when chaining began, which no recorded change explains (migration 0210). */
export function settingsBaselinePayload(b: { setting: string; lang: string | null; valueJson: string; at: string }): CanonicalValue {
  return {
    type: 'verso.settings-baseline.v1',
    setting: b.setting,
    lang: b.lang,
    afterSha256: sha256Hex(b.valueJson),
    at: b.at,
    legacy: 'the value in force when migration 0210 began chaining settings; no editor recorded it',
  };
}

export interface DeclarationFacts {
  documentId: string;
  paragraphId: string;
  name: string;
  role: string;
  at: string;
  reason: string;
}

/** An editor's declaration that a paragraph of unknown origin is human translation. */
export function originDeclaredPayload(d: DeclarationFacts, legacy = false): CanonicalValue {
  return {
    type: 'verso.origin-declared.v1',
    documentId: d.documentId,
    paragraphId: d.paragraphId,
    author: d.name,
    role: d.role,
    at: d.at,
    reason: d.reason,
    ...(legacy ? { legacy: LEGACY_0210 } : {}),
  };
}

/** A profile as created: its name and role are claims nobody vouches for, but they are on record. */
export function profileCreatedPayload(p: { id: string; name: string; role: string; createdAt: string }, legacy = false): CanonicalValue {
  return {
    type: 'verso.profile-created.v1',
    profileId: p.id,
    name: p.name,
    role: p.role,
    at: p.createdAt,
    ...(legacy ? { legacy: LEGACY_0210 } : {}),
  };
}

/**
 * A document's team assignment as written to team_assignments (issue 16 item 4): `assigned` here by
 * this member, `pulled` from the team (by the server's author), or `taken-back` to the team's head
 * (the server refused this library's assignment, or it lost to another one; `reason` says which).
 */
export function teamAssignmentPayload(a: {
  documentId: string;
  changeId: string;
  translator: string | null;
  editor: string | null;
  how: 'assigned' | 'pulled' | 'taken-back';
  by: string;
  reason: string | null;
  at: string;
}): CanonicalValue {
  return {
    type: 'verso.team-assignment.v1',
    documentId: a.documentId,
    changeId: a.changeId,
    translator: a.translator,
    editor: a.editor,
    how: a.how,
    by: a.by,
    reason: a.reason,
    at: a.at,
  };
}

/** True when a stored payload says what `expected` says (a legacy marker aside). */
export function payloadMatches(stored: string, expected: CanonicalValue): boolean {
  try {
    const value = JSON.parse(stored) as Record<string, CanonicalValue>;
    const { legacy: _legacy, ...rest } = value;
    const { legacy: _expectedLegacy, ...wanted } = expected as Record<string, CanonicalValue>;
    return canonicalJson(rest) === canonicalJson(wanted);
  } catch {
    return false;
  }
}
