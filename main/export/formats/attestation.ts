/**
 * Review attestation (JSON-LD): the record of human editorial control over an AI-assisted
 * translation (EU AI Act Art. 50(4)): which paragraphs were machine-translated, by which engines,
 * and who reviewed and signed off each one and when. Vocabulary: schema.org and PROV-O, plus a few
 * `verso:` terms for what neither has.
 */
import type { ExportDocument } from '../model.js';
import { sha256 } from './provenance.js';
import { plainParagraphText } from './plainText.js';
import { attestationSigners } from './attestationSignatures.js';

export const ATTESTATION_CONTEXT = {
  schema: 'https://schema.org/',
  prov: 'http://www.w3.org/ns/prov#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  verso: 'urn:verso:attestation:v1#',
  name: 'schema:name',
  inLanguage: 'schema:inLanguage',
  softwareVersion: 'schema:softwareVersion',
  position: 'schema:position',
  hasPart: { '@id': 'schema:hasPart', '@container': '@list' },
  translationOfWork: 'schema:translationOfWork',
  dateCreated: { '@id': 'schema:dateCreated', '@type': 'xsd:dateTime' },
  generatedAtTime: { '@id': 'prov:generatedAtTime', '@type': 'xsd:dateTime' },
  wasAssociatedWith: { '@id': 'prov:wasAssociatedWith', '@container': '@set' },
  machineTranslated: 'verso:machineTranslated',
  engine: { '@id': 'verso:engine', '@type': '@id' },
  engines: { '@id': 'verso:engines', '@container': '@set' },
  reviewedBy: 'verso:reviewedBy',
  signedOffBy: 'verso:signedOffBy',
  signedOffAt: { '@id': 'verso:signedOffAt', '@type': 'xsd:dateTime' },
  role: 'verso:role',
  textSha256: 'verso:textSha256',
  signedTextMatches: 'verso:signedTextMatches',
  humanReviewComplete: 'verso:humanReviewComplete',
  aiAssisted: 'verso:aiAssisted',
  status: 'verso:status',
  draft: 'verso:draft',
  signOff: 'verso:signOff',
  signers: { '@id': 'verso:signers', '@container': '@set' },
  keyId: 'verso:keyId',
  publicKey: 'verso:publicKey',
  signature: 'verso:signature',
  identity: 'verso:identity',
  plainTextSha256: 'verso:plainTextSha256',
} as const;

function engineIri(engineId: string): string {
  return `urn:verso:engine:${encodeURIComponent(engineId)}`;
}

export function writeAttestation(doc: ExportDocument): string {
  const engines = new Map<string, { '@id': string; '@type': string; name: string; softwareVersion: string }>();
  for (const p of doc.paragraphs) {
    if (!p.mt) continue;
    const key = `${p.mt.engineId} ${p.mt.engineVersion}`;
    if (!engines.has(key)) {
      engines.set(key, { '@id': engineIri(p.mt.engineId), '@type': 'prov:SoftwareAgent', name: p.engineName ?? p.mt.engineId, softwareVersion: p.mt.engineVersion });
    }
  }
  const parts = doc.paragraphs.map((p) => {
    const reviewers = new Map<string, { '@type': 'schema:Person'; name: string }>();
    for (const e of p.editors) reviewers.set(e.name, { '@type': 'schema:Person', name: e.name });
    if (p.confirmedBy) reviewers.set(p.confirmedBy.name, { '@type': 'schema:Person', name: p.confirmedBy.name });
    return {
      '@type': 'verso:ParagraphReview',
      position: p.index + 1,
      status: p.status,
      machineTranslated: p.mt !== null,
      ...(p.mt ? { engine: engineIri(p.mt.engineId) } : {}),
      reviewedBy: [...reviewers.values()],
      ...(p.signOff
        ? {
            signedOffBy: { '@type': 'schema:Person', name: p.signOff.name, role: p.signOff.role },
            signedOffAt: p.signOff.at,
            textSha256: p.signOff.textHash,
            signedTextMatches: sha256(p.target) === p.signOff.textHash,
          }
        : {}),
      // Issue 12: what `verso verify` checks with this file alone (attestationSignatures.ts).
      ...(p.signature ? { signOff: { ...p.signature.claim, signature: p.signature.signature }, plainTextSha256: sha256(plainParagraphText(p)) } : {}),
    };
  });
  const signers = attestationSigners(doc);
  const value = {
    '@context': ATTESTATION_CONTEXT,
    '@id': `urn:verso:document:${encodeURIComponent(doc.id)}:${doc.targetLang}`,
    '@type': ['schema:Article', 'prov:Entity'],
    name: doc.title,
    inLanguage: doc.targetLang,
    translationOfWork: { '@type': 'schema:CreativeWork', inLanguage: doc.sourceLang },
    dateCreated: doc.createdAt,
    generatedAtTime: doc.exportedAt,
    draft: doc.draftNotice !== null,
    aiAssisted: engines.size > 0,
    engines: [...engines.values()],
    humanReviewComplete: doc.paragraphs.length > 0 && doc.paragraphs.every((p) => p.status === 'signed-off'),
    wasAssociatedWith: [{ '@type': 'prov:SoftwareAgent', name: 'Verso', softwareVersion: doc.toolVersion }],
    hasPart: parts,
    ...(signers.length > 0 ? { signers } : {}),
  };
  return JSON.stringify(value, null, 2) + '\n';
}
