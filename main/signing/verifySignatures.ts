/**
 * The publish gate's check of signed-off paragraphs: the latest sign-off entry of each must claim
 * the paragraph's current source and target hashes, sit unchanged in the chain (its own hash, and
 * the next link pointing at it), and carry a valid Ed25519 signature by the key it names. Legacy
 * sign-offs (chained by migration 0180, before signatures existed) are checked by hash and chain.
 */
import type Database from 'better-sqlite3';
import { encodeAuditLink, encodeSignOff } from '../../shared/signing/canonical.js';
import type { SignatureProblem } from '../../shared/features/signaturesApi.js';
import type { Paragraph } from '../../shared/types.js';
import { createAuditRepo } from '../db/repositories/audit/auditRepo.js';
import { claimOf, teamSignerOf } from '../db/audit/auditEntries.js';
import { keyIdOf, sha256Hex, verifyEd25519 } from '../core/crypto.js';

export interface ParagraphSignatureCheck {
  paragraphId: string;
  /** 1-based. */
  number: number;
  problem: SignatureProblem;
}

export function createSignatureVerifier(db: Database.Database) {
  const audit = createAuditRepo(db);
  const nextStmt = db.prepare<[number], { prev_hash: string }>('SELECT prev_hash FROM audit_log WHERE seq = ?');
  const keyStmt = db.prepare<[string], { public_key: string }>('SELECT public_key FROM signing_keys WHERE key_id = ?');
  // Unsigned (legacy) sign-offs exist only in the prefix migration 0180 wrote: one appended later
  // is a forgery (moving it into the prefix would break the chain under every signed claim after it).
  const firstLive =
    db.prepare<[], { seq: number | null }>(`SELECT min(seq) AS seq FROM audit_log WHERE json_extract(payload, '$.legacy') IS NULL`).get()
      ?.seq ?? null;

  function problemOf(p: Paragraph): SignatureProblem | null {
    const entry = audit.lastSignOff(p.id);
    const claim = entry ? claimOf(entry.payload) : null;
    if (!entry || !claim) return 'no-sign-off-record';
    if (claim.paragraphId !== p.id || claim.documentId !== p.documentId) return 'no-sign-off-record';
    if (claim.targetSha256 !== sha256Hex(p.target) || claim.sourceSha256 !== sha256Hex(p.source)) return 'text-changed';
    // A team member's sign-off (issue 16) names the signer's own chain position, and is verified
    // with the key a team admin registered for them (kept in the entry).
    const team = teamSignerOf(entry.payload);
    const next = nextStmt.get(entry.seq + 1);
    if (
      sha256Hex(encodeAuditLink(entry)) !== entry.hash ||
      (team === null && claim.prevAuditHash !== entry.prevHash) ||
      (next && next.prev_hash !== entry.hash)
    ) {
      return 'chain-broken';
    }
    if (claim.legacy && entry.signature === null) return firstLive === null || entry.seq < firstLive ? null : 'bad-signature';
    const publicKey = team
      ? keyIdOf(team.publicKey) === claim.keyId
        ? team.publicKey
        : null
      : (keyStmt.get(claim.keyId)?.public_key ?? null);
    if (publicKey === null) return 'unknown-key';
    if (entry.signature === null || !verifyEd25519(publicKey, encodeSignOff(claim), entry.signature)) return 'bad-signature';
    return null;
  }

  return {
    /** Problems of the signed-off paragraphs among `paragraphs` (excluded ones do not count). */
    check(paragraphs: readonly Paragraph[]): ParagraphSignatureCheck[] {
      const out: ParagraphSignatureCheck[] = [];
      for (const p of paragraphs) {
        if (p.status !== 'signed-off' || p.excluded) continue;
        const problem = problemOf(p);
        if (problem) out.push({ paragraphId: p.id, number: p.index + 1, problem });
      }
      return out;
    },
  };
}
