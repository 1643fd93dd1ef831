/**
 * A remote sign-off through the whole app: applied from the team, it passes the publish gate,
 * the library check, and the attestation names its signer as vouched, verifiable from the file alone.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { encodeSignOff, GENESIS_HASH, type SignOffClaim } from '../../../shared/signing/canonical.js';
import type { ServerChange } from '../../../shared/team/changes.js';
import { generateEd25519, keyIdOf, sha256Hex, signEd25519 } from '../../core/crypto.js';
import { openDatabase } from '../../db/openDatabase.js';
import { createRepositories } from '../../db/repositories/index.js';
import { exportFixture, type ExportFixture } from '../../export/testing/exportFixture.js';
import { parseAttestation, verifyAttestation } from '../../signing/verifyAttestation.js';
import { verifyLibrary } from '../../signing/verifyLibrary.js';
import type { TeamMember } from '../ports.js';
import { createTeamApplier } from './applyPulled.js';

let f: ExportFixture | null = null;
afterEach(() => f?.cleanup());

it('a team editor’s sign-off applied here opens the publish gate; the attestation calls the signer vouched and verifies', async () => {
  f = await exportFixture(['# Storm hits the coast', 'The storm closed roads on Monday.'], { signOff: false });
  const key = generateEd25519();
  const ben: TeamMember = {
    roleName: 'ben',
    displayName: 'Ben Editor',
    teamRole: 'editor',
    publicKey: key.publicKey,
    keyId: keyIdOf(key.publicKey),
  };
  const changes: ServerChange[] = f.doc.paragraphs.map((p, i) => {
    const claim: SignOffClaim = {
      documentId: p.documentId,
      paragraphId: p.id,
      sourceSha256: sha256Hex(p.source),
      targetSha256: sha256Hex(p.target),
      role: 'editor',
      at: '2026-03-01T11:00:00.000Z',
      keyId: ben.keyId!,
      prevAuditHash: GENESIS_HASH, // Ben's own chain, not this library's
    };
    const signature = signEd25519(key.privateKeyDer, encodeSignOff(claim));
    const id = randomUUID();
    return {
      id,
      kind: 'sign-off',
      documentId: p.documentId,
      entityId: p.id,
      baseId: null,
      payload: { claim, signature, keyId: claim.keyId },
      clientAt: claim.at,
      seq: i + 1,
      author: 'ben',
      outcome: 'applied',
      receivedAt: claim.at,
    };
  });
  const db = openDatabase(f.backend.dbPath);
  try {
    const repos = createRepositories(db);
    expect(createTeamApplier(db, repos).applyPulled(changes, [ben])).toMatchObject({ applied: 2, rejected: [] });
    expect(verifyLibrary(db, repos).problems).toEqual([]);
  } finally {
    db.close();
  }

  const exported = await f.backend.api.exportFile({ documentId: f.doc.id, format: 'attestation', mode: 'publish' });
  const attestation = JSON.parse(exported.content) as { signers: { keyId: string; identity: string; name: string }[] };
  expect(attestation.signers).toEqual([expect.objectContaining({ keyId: ben.keyId, identity: 'vouched', name: 'Ben Editor' })]);
  expect(exported.content).toContain('"identity": "vouched"');
  const parsed = parseAttestation(exported.content);
  if (typeof parsed === 'string') throw new Error(parsed);
  expect(verifyAttestation(parsed)).toEqual({ verified: 2, problems: [] });
});
