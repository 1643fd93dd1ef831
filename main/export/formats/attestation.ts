/**
 * Review attestation (JSON-LD): the record of human editorial control over an AI-assisted
 * translation (EU AI Act Art. 50(4)): which paragraphs were machine-translated, by which engines,
 * and who reviewed and signed off each one and when. Vocabulary: schema.org and PROV-O, plus a few
 * `verso:` terms for what neither has.
 */
import type { FooterGovernance } from '../../../shared/features/exportingApi.js';
import { originKind, type ExportDocument, type ExportParagraph } from '../model.js';
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
  reviewGaps: { '@id': 'verso:reviewGaps', '@container': '@list' },
  qaErrorsOverridden: { '@id': 'verso:qaErrorsOverridden', '@container': '@list' },
  identity: 'verso:identity',
  fastSignOff: 'verso:fastSignOff',
  dwellMs: 'verso:dwellMs',
  readingWords: 'verso:readingWords',
  diffViewed: 'verso:diffViewed',
  reviewSignal: 'verso:reviewSignal',
  qaOverride: 'verso:qaOverride',
  reason: 'verso:reason',
  issues: { '@id': 'verso:issues', '@container': '@list' },
  aiAssisted: 'verso:aiAssisted',
  status: 'verso:status',
  draft: 'verso:draft',
  disclosureFooter: 'verso:disclosureFooter',
  footerPolicy: 'verso:footerPolicy',
  footerIncluded: 'verso:footerIncluded',
  footerTemplate: 'verso:footerTemplate',
  templateId: 'verso:templateId',
  templateVersion: 'verso:templateVersion',
  templateSha256: 'verso:templateSha256',
  builtIn: 'verso:builtIn',
  custom: 'verso:custom',
  savedBy: 'verso:savedBy',
  policySetBy: 'verso:policySetBy',
  omittedBecause: 'verso:omittedBecause',
  decidedBy: 'verso:decidedBy',
  at: { '@id': 'verso:at', '@type': 'xsd:dateTime' },
  origin: 'verso:origin',
  importedFrom: 'verso:importedFrom',
  declaredHuman: 'verso:declaredHuman',
  originUnknown: 'verso:originUnknown',
  signOff: 'verso:signOff',
  signers: { '@id': 'verso:signers', '@container': '@set' },
  keyId: 'verso:keyId',
  publicKey: 'verso:publicKey',
  signature: 'verso:signature',
  plainTextSha256: 'verso:plainTextSha256',
} as const;

type Decision = NonNullable<FooterGovernance['policySetBy']>;

function person(d: Decision) {
  return { '@type': 'schema:Person', name: d.name, role: d.role, at: d.at, reason: d.reason };
}

/** The footer policy in force, the template (id, version, hash; built-in or custom) and, when left out, who decided it and why. */
function disclosureFooter(g: FooterGovernance) {
  return {
    '@type': 'verso:DisclosureFooter',
    footerPolicy: g.policy,
    footerIncluded: g.footerIncluded,
    footerTemplate: g.template
      ? {
          inLanguage: g.template.lang,
          templateId: g.template.id,
          ...(g.template.version !== null ? { templateVersion: g.template.version } : {}),
          templateSha256: g.template.sha256,
          builtIn: g.template.builtIn,
          custom: g.template.custom,
          ...(g.template.savedBy ? { savedBy: person(g.template.savedBy) } : {}),
        }
      : null,
    policySetBy: g.policySetBy ? person(g.policySetBy) : null,
    ...(g.omitted ? { omittedBecause: g.omitted.because, decidedBy: g.omitted.decidedBy, reason: g.omitted.reason } : {}),
  };
}

function engineIri(engineId: string): string {
  return `urn:verso:engine:${encodeURIComponent(engineId)}`;
}

/**
 * The signer's identity: a profile name and role that nobody vouches for (no team server, no
 * registered key) is self-declared, and the attestation says so; a team member's sign-off
 * verified with the key a team admin registered is `vouched` (issue 16).
 */
const SELF_DECLARED = 'self-declared';

/** How the current sign-off was reviewed: the reading signal (or that none was recorded) and any QA override. */
function reviewOf(p: ExportParagraph): Record<string, unknown> {
  const review = p.signOffReview;
  if (!review) return {};
  const signal = review.signal
    ? {
        fastSignOff: review.signal.fast,
        dwellMs: review.signal.dwellMs,
        readingWords: review.signal.words,
        diffViewed: review.signal.diffViewed,
      }
    : { reviewSignal: 'not recorded' };
  return { ...signal, ...(review.override ? { qaOverride: { reason: review.override.reason, issues: review.override.issues } } : {}) };
}

/** Paragraph numbers, every one (an attestation lists them all). */
const formatNumbers = (numbers: readonly number[]): string => `paragraph${numbers.length === 1 ? '' : 's'} ${numbers.join(', ')}`;

/** What keeps the review from being complete, in words (empty when complete). */
export function reviewGaps(paragraphs: readonly ExportParagraph[]): string[] {
  const counted = paragraphs.filter((p) => !p.excluded);
  const numbers = (pick: (p: ExportParagraph) => boolean) => counted.filter(pick).map((p) => p.index + 1);
  const gaps: string[] = [];
  if (counted.length === 0) gaps.push('The document has no paragraph to review.');
  const unsigned = numbers((p) => p.status !== 'signed-off' || !p.signOff);
  if (unsigned.length > 0) gaps.push(`Not signed off: ${formatNumbers(unsigned)}.`);
  const changed = numbers((p) => p.signOff !== null && p.status === 'signed-off' && sha256(p.target) !== p.signOff.textHash);
  if (changed.length > 0) gaps.push(`Text changed after its sign-off: ${formatNumbers(changed)}.`);
  const fast = numbers((p) => p.signOffReview?.signal?.fast === true);
  if (fast.length > 0) gaps.push(`Signed off faster than reading speed: ${formatNumbers(fast)}.`);
  const unmeasured = numbers((p) => p.signOffReview !== undefined && p.signOffReview.signal === null);
  if (unmeasured.length > 0) gaps.push(`Signed off with no reading time recorded: ${formatNumbers(unmeasured)}.`);
  return gaps;
}

export function writeAttestation(doc: ExportDocument): string {
  const engines = new Map<string, { '@id': string; '@type': string; name: string; softwareVersion: string }>();
  for (const p of doc.paragraphs) {
    if (!p.mt) continue;
    const key = `${p.mt.engineId} ${p.mt.engineVersion}`;
    if (!engines.has(key)) {
      engines.set(key, {
        '@id': engineIri(p.mt.engineId),
        '@type': 'prov:SoftwareAgent',
        name: p.engineName ?? p.mt.engineId,
        softwareVersion: p.mt.engineVersion,
      });
    }
  }
  const unknown = doc.paragraphs.filter((p) => p.origin?.kind === 'unknown' && p.origin.declaredHuman === null).length;
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
      // Issue 12: mt / tm / human / unknown; an unknown origin an editor declared human says who and why.
      origin: originKind(p),
      ...(p.origin?.tool ? { importedFrom: p.origin.tool } : {}),
      ...(p.origin?.declaredHuman
        ? {
            declaredHuman: {
              '@type': 'schema:Person',
              name: p.origin.declaredHuman.name,
              role: p.origin.declaredHuman.role,
              at: p.origin.declaredHuman.at,
              reason: p.origin.declaredHuman.reason,
            },
          }
        : {}),
      reviewedBy: [...reviewers.values()],
      ...(p.signOff
        ? {
            signedOffBy: {
              '@type': 'schema:Person',
              name: p.signOff.name,
              role: p.signOff.role,
              identity: p.signature?.vouched ? 'vouched' : SELF_DECLARED,
            },
            signedOffAt: p.signOff.at,
            textSha256: p.signOff.textHash,
            signedTextMatches: sha256(p.target) === p.signOff.textHash,
            ...reviewOf(p),
          }
        : {}),
      // Issue 12: what `verso verify` checks with this file alone (attestationSignatures.ts).
      ...(p.signature
        ? { signOff: { ...p.signature.claim, signature: p.signature.signature }, plainTextSha256: sha256(plainParagraphText(p)) }
        : {}),
    };
  });
  const gaps = reviewGaps(doc.paragraphs);
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
    // An origin nobody knows may be machine translation: it counts as AI assistance until an editor declares it human.
    aiAssisted: engines.size > 0 || unknown > 0,
    originUnknown: unknown,
    engines: [...engines.values()],
    humanReviewComplete: gaps.length === 0,
    reviewGaps: gaps,
    qaErrorsOverridden: doc.paragraphs.filter((p) => p.signOffReview?.override).map((p) => p.index + 1),
    wasAssociatedWith: [{ '@type': 'prov:SoftwareAgent', name: 'Verso', softwareVersion: doc.toolVersion }],
    ...(doc.footerGovernance ? { disclosureFooter: disclosureFooter(doc.footerGovernance) } : {}),
    hasPart: parts,
    ...(signers.length > 0 ? { signers } : {}),
  };
  return JSON.stringify(value, null, 2) + '\n';
}
