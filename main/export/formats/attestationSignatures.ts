/**
 * The signers an attestation embeds (issue 12): each key that signed a paragraph, with its public
 * key, so `verso verify` needs nothing but the file. Nobody vouches for a key yet (no team), so
 * every key is marked "self-declared".
 */
import type { ExportDocument } from '../model.js';

export interface AttestationSigner {
  '@type': 'schema:Person';
  keyId: string;
  publicKey: string;
  name: string;
  role: string;
  identity: 'self-declared';
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
      identity: 'self-declared',
    });
  }
  return [...out.values()];
}
