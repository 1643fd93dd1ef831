/**
 * The signers an attestation embeds (issue 12): each key that signed a paragraph, with its public
 * key, so `verso verify` needs nothing but the file. A key is "self-declared" unless a team admin
 * registered it for the signer (a team member's sign-off, issue 16): then it is "vouched".
 */
import type { ExportDocument } from '../model.js';

export interface AttestationSigner {
  '@type': 'schema:Person';
  keyId: string;
  publicKey: string;
  name: string;
  role: string;
  /** `vouched`: a team member's key registered by a team admin (issue 16). */
  identity: 'self-declared' | 'vouched';
}

export function attestationSigners(doc: ExportDocument): AttestationSigner[] {
  const out = new Map<string, AttestationSigner>();
  for (const p of doc.paragraphs) {
    const s = p.signature;
    if (!s || s.publicKey === null || out.has(s.claim.keyId)) continue;
    out.set(s.claim.keyId, {
      '@type': 'schema:Person',
      keyId: s.claim.keyId,
      publicKey: s.publicKey,
      name: p.signOff?.name ?? '',
      role: s.claim.role,
      identity: s.vouched ? 'vouched' : 'self-declared',
    });
  }
  return [...out.values()];
}
