/**
 * `verso verify <attestation.jsonld> [--text FILE]` (issue 12): checks an attestation with nothing
 * but the file: every paragraph's sign-off claim (shared/signing/canonical.ts `encodeSignOff`)
 * against its Ed25519 signature and the signer's public key embedded in `signers` (whose id must
 * be the key's own hash), and the claimed text hash against the attestation's text hash. With the
 * exported plain text, each paragraph (blocks separated by a blank line, in order) against its
 * signed target hash, or the hash of its plain-text form (`plainTextSha256`, derived from the
 * signed text where inline codes or tidying change it). One line per problem.
 */
import { z } from 'zod';
import { encodeSignOff } from '../../shared/signing/canonical.js';
import { keyIdOf, sha256Hex, verifyEd25519 } from '../core/crypto.js';

const hex = z.string();
const claimSchema = z.object({
  documentId: z.string(),
  paragraphId: z.string(),
  sourceSha256: hex,
  targetSha256: hex,
  role: z.enum(['translator', 'editor']),
  at: z.string(),
  keyId: z.string(),
  prevAuditHash: hex,
  signature: z.string().nullable(),
});
const partSchema = z.object({
  position: z.number().int(),
  status: z.string().optional(),
  textSha256: z.string().optional(),
  plainTextSha256: z.string().optional(),
  signOff: claimSchema.optional(),
});
const attestationSchema = z.object({
  '@id': z.string(),
  draft: z.boolean().optional(),
  hasPart: z.array(partSchema),
  signers: z.array(z.object({ keyId: z.string(), publicKey: z.string(), name: z.string().optional() })).optional(),
});

export type Attestation = z.infer<typeof attestationSchema>;

export interface AttestationCheck {
  /** Paragraphs whose signature verified. */
  verified: number;
  problems: string[];
}

/** Parses the file's text; a line saying why when it is not an attestation Verso wrote. */
export function parseAttestation(text: string): Attestation | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return 'not JSON: this is not an attestation (.jsonld) exported by Verso';
  }
  const parsed = attestationSchema.safeParse(json);
  return parsed.success
    ? parsed.data
    : `not a Verso attestation (${parsed.error.issues[0]?.path.join('.') || 'root'}: ${parsed.error.issues[0]?.message ?? 'invalid'})`;
}

function documentIdOf(att: Attestation): string | null {
  const m = /^urn:verso:document:([^:]+):/.exec(att['@id']);
  return m ? decodeURIComponent(m[1]!) : null;
}

export function verifyAttestation(att: Attestation): AttestationCheck {
  const problems: string[] = [];
  const keys = new Map<string, string>();
  for (const s of att.signers ?? []) {
    if (keyIdOf(s.publicKey) !== s.keyId) problems.push(`signer key ${s.keyId}: its public key does not match its id`);
    else keys.set(s.keyId, s.publicKey);
  }
  const docId = documentIdOf(att);
  let verified = 0;
  if (att.hasPart.length === 0) problems.push('the attestation lists no paragraphs');
  for (const part of att.hasPart) {
    const n = part.position;
    const so = part.signOff;
    if (!so) {
      problems.push(`paragraph ${n}: not signed off`);
      continue;
    }
    if (docId !== null && so.documentId !== docId) problems.push(`paragraph ${n}: signed for another document (${so.documentId})`);
    if (part.textSha256 !== undefined && part.textSha256 !== so.targetSha256)
      problems.push(`paragraph ${n}: the exported text differs from the text signed off`);
    if (so.signature === null) {
      problems.push(`paragraph ${n}: signed off before signatures existed; its sign-off cannot be verified`);
      continue;
    }
    const publicKey = keys.get(so.keyId);
    if (!publicKey) {
      problems.push(`paragraph ${n}: the signer's key ${so.keyId} is not in the attestation`);
      continue;
    }
    const { signature, ...claim } = so;
    if (!verifyEd25519(publicKey, encodeSignOff(claim), signature)) {
      problems.push(`paragraph ${n}: signature does not verify (the sign-off or its text hash was changed)`);
      continue;
    }
    verified++;
  }
  return { verified, problems };
}

/** An exported plain text (verso export --format txt) against the attestation, paragraph by paragraph. */
export function verifyTextAgainst(att: Attestation, text: string): string[] {
  const body = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\n+$/, '');
  const blocks = body === '' ? [] : body.split('\n\n');
  let i = att.draft ? 1 : 0; // a draft starts with its notice
  const problems: string[] = [];
  for (const part of [...att.hasPart].sort((a, b) => a.position - b.position)) {
    const block = blocks[i++];
    if (block === undefined) {
      problems.push(`text: ends before paragraph ${part.position}`);
      break;
    }
    const so = part.signOff;
    if (!so) continue; // reported by verifyAttestation
    const h = sha256Hex(block);
    if (h !== so.targetSha256 && h !== part.plainTextSha256)
      problems.push(`text: paragraph ${part.position} differs from the text signed off`);
  }
  return problems;
}
