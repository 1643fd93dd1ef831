/**
 * Checks a pulled sign-off before it is applied: the claim must be for this paragraph, signed
 * with the key a team admin registered for its author (cached members), over the text the
 * paragraph's head holds. Returns why it is refused, or null.
 */
import { encodeSignOff } from '../../../shared/signing/canonical.js';
import { keyIdOf, sha256Hex, verifyEd25519 } from '../../core/crypto.js';
import type { TeamMember } from '../ports.js';
import type { SignOffPayload } from './applyPayloads.js';

const SPKI_ED25519_PREFIX = '302a300506032b6570032100';

/**
 * A registered key as base64 of the raw 32 bytes (what `main/core/crypto.ts` verifies with): the
 * members table may hold that, or an SPKI PEM (`-----BEGIN PUBLIC KEY-----`). Null when neither.
 */
export function rawPublicKey(registered: string): string | null {
  const pem = /-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----/.exec(registered);
  const der = Buffer.from((pem ? pem[1]! : registered).replace(/\s+/g, ''), 'base64');
  if (der.length === 32 && !pem) return der.toString('base64');
  if (der.length === 44 && der.subarray(0, 12).toString('hex') === SPKI_ED25519_PREFIX) return der.subarray(12).toString('base64');
  return null;
}

export interface SignOffTarget {
  documentId: string;
  paragraphId: string;
  source: string;
  /** The paragraph's text at the server's head. */
  target: string;
}

export function signOffProblem(payload: SignOffPayload, author: TeamMember | null, on: SignOffTarget): string | null {
  const { claim } = payload;
  if (!author) return 'the sign-off is by someone who is not a team member';
  const key = author.publicKey === null ? null : rawPublicKey(author.publicKey);
  if (key === null) return `${author.displayName} has no registered signing key`;
  if (claim.documentId !== on.documentId || claim.paragraphId !== on.paragraphId) return 'the sign-off is for another paragraph';
  if (payload.keyId !== claim.keyId || keyIdOf(key) !== claim.keyId)
    return `the sign-off is not signed with ${author.displayName}'s registered key`;
  if (!verifyEd25519(key, encodeSignOff(claim), payload.signature)) return 'the signature does not verify with the registered key';
  if (claim.sourceSha256 !== sha256Hex(on.source) || claim.targetSha256 !== sha256Hex(on.target))
    return 'the sign-off is on text that is not the paragraph’s current text';
  return null;
}
