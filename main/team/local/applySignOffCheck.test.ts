import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeSignOff, GENESIS_HASH, type SignOffClaim } from '../../../shared/signing/canonical.js';
import { generateEd25519, keyIdOf, sha256Hex, signEd25519 } from '../../core/crypto.js';
import type { TeamMember } from '../ports.js';
import { rawPublicKey, signOffProblem } from './applySignOffCheck.js';

const pair = generateEd25519();
const pem = createPublicKey({
  key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(pair.publicKey, 'base64')]),
  format: 'der',
  type: 'spki',
})
  .export({ format: 'pem', type: 'spki' })
  .toString();
const on = { documentId: 'd1', paragraphId: 'p1', source: 'Rain fell.', target: 'Llovió.' };
const claim: SignOffClaim = {
  documentId: 'd1',
  paragraphId: 'p1',
  sourceSha256: sha256Hex(on.source),
  targetSha256: sha256Hex(on.target),
  role: 'editor',
  at: '2026-12-03T10:00:00.000Z',
  keyId: keyIdOf(pair.publicKey),
  prevAuditHash: GENESIS_HASH,
};
const signature = signEd25519(pair.privateKeyDer, encodeSignOff(claim));
const ben: TeamMember = { roleName: 'ben', displayName: 'Ben', teamRole: 'editor', publicKey: pem, keyId: claim.keyId };

describe('rawPublicKey', () => {
  it('reads a raw base64 key or an SPKI PEM; anything else is null', () => {
    expect(rawPublicKey(pair.publicKey)).toBe(pair.publicKey);
    expect(rawPublicKey(pem)).toBe(pair.publicKey);
    expect(rawPublicKey('not a key')).toBeNull();
    expect(rawPublicKey(Buffer.alloc(31).toString('base64'))).toBeNull();
  });
});

describe('signOffProblem', () => {
  it('accepts a claim signed with the registered key (PEM) over the head’s text', () => {
    expect(signOffProblem({ claim, signature, keyId: claim.keyId }, ben, on)).toBeNull();
  });

  it('names each reason to refuse', () => {
    const ok = { claim, signature, keyId: claim.keyId };
    expect(signOffProblem(ok, null, on)).toMatch(/not a team member/);
    expect(signOffProblem(ok, { ...ben, publicKey: null }, on)).toMatch(/no registered signing key/);
    expect(signOffProblem(ok, ben, { ...on, paragraphId: 'p2' })).toMatch(/another paragraph/);
    expect(signOffProblem({ ...ok, keyId: 'other' }, ben, on)).toMatch(/registered key/);
    expect(signOffProblem({ ...ok, signature: signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }, ben, on)).toMatch(
      /does not verify/,
    );
    expect(signOffProblem(ok, ben, { ...on, target: 'Llueve.' })).toMatch(/not the paragraph’s current text/);
    expect(signOffProblem(ok, ben, { ...on, source: 'Rain falls.' })).toMatch(/not the paragraph’s current text/);
  });
});
