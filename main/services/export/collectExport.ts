/**
 * Reads one document and its history into the `ExportDocument` the writers use, applies the
 * publish gate (every paragraph signed off, no unresolved QA error) and decides the footer.
 */
import { createDocxStructureRepo } from '../../db/repositories/importing/docxStructureRepo.js';
import type { ParagraphPlace } from '../../../shared/import/paragraphPlace.js';
import { FOOTER_FORMATS, FOOTER_SETTING_FIELDS, type ExportFileFormat, type ExportWarning } from '../../../shared/features/exportingApi.js';
import { effectiveFooterTemplate, isFooterLike, type FooterOverrides } from '../../../shared/features/exportingFooter.js';
import { footerApplies, publishBlockers } from '../../../shared/exportText.js';
import { footerPlaceholders, renderFooter } from '../../../shared/footer.js';
import { qaErrors } from '../../../shared/qa/runQa.js';
import type { ExportMode, Paragraph, Settings } from '../../../shared/types.js';
import type { Revision } from '../../db/repositories/revisionsRepo.js';
import { formatNumbers, plural, type ServiceDeps } from '../context.js';
import { createReviewCore } from '../reviewService.js';
import { draftNotice } from '../../export/naming.js';
import { ServiceError } from '../../core/serviceError.js';
import { readSettings } from '../settingsService.js';
import type { ExportActor, ExportDocument, ExportOrigin, ExportParagraph, ExportSignature, SignOffReview } from '../../export/model.js';
import { createWorkflowRepo, type WorkflowRepo } from '../../db/repositories/workflow/workflowRepo.js';
import { provenanceRepoFor, type StoredOrigin } from '../../db/repositories/provenance/provenanceRepo.js';
import { tidy } from '../../export/text.js';
import { paragraphsForFormat } from '../../export/excludedParagraphs.js';
import { createExclusionRepo } from '../../db/repositories/exclusion/exclusionRepo.js';
import { footerGovernance } from '../footerGovernance.js';
import { createSignatureVerifier } from '../../signing/verifySignatures.js';
import { createAuditRepo } from '../../db/repositories/audit/auditRepo.js';
import { claimOf, teamSignerOf } from '../../db/audit/auditEntries.js';
import { keepRecordedDeclarations } from '../../signing/verifyRecords.js';
import { FOOTER_TEMPLATES_KEY, unrecordedFooterSettings } from '../../db/audit/footerSettingsRecord.js';

export const FOOTER_OVERRIDES_KEY = FOOTER_TEMPLATES_KEY;

export function readFooterOverrides(deps: Pick<ServiceDeps, 'repos'>): Record<string, string[]> {
  const value = deps.repos.settings.get(FOOTER_OVERRIDES_KEY);
  if (typeof value !== 'object' || value === null) return {};
  const out: Record<string, string[]> = {};
  for (const [lang, lines] of Object.entries(value as Record<string, unknown>)) {
    if (Array.isArray(lines) && lines.every((l) => typeof l === 'string')) out[lang] = lines;
  }
  return out;
}

function actor(r: Revision): ExportActor {
  return { name: r.authorName, role: r.role, at: r.createdAt };
}

const withReview = (review: SignOffReview | undefined): { signOffReview?: SignOffReview } => (review ? { signOffReview: review } : {});

/** The review behind the paragraph's current sign-off (its last sign-off revision), if signed off. */
function signOffReviewOf(workflow: WorkflowRepo, p: Paragraph, revisions: readonly Revision[]): SignOffReview | undefined {
  if (p.status !== 'signed-off') return undefined;
  const signOff = [...revisions].reverse().find((r) => r.action === 'sign-off');
  if (!signOff) return undefined;
  const signal = workflow.reviewsOfParagraph(p.id).find((r) => r.revisionId === signOff.id);
  const override = workflow.overridesOfParagraph(p.id).find((o) => o.revisionId === signOff.id);
  return {
    signal: signal ? { dwellMs: signal.dwellMs, words: signal.words, diffViewed: signal.diffViewed, fast: signal.fast } : null,
    override: override ? { reason: override.reason, issues: override.issues.map((i) => i.code) } : null,
  };
}

/** Where the paragraph's text came from (issue 12): its MT record, the recorded import origin, else its revisions. */
function originOf(p: Paragraph, revisions: readonly Revision[], stored: StoredOrigin | undefined): ExportOrigin | null {
  if (p.mt) return { kind: 'mt', tool: null, declaredHuman: null };
  if (stored) return { kind: stored.origin, tool: stored.tool, declaredHuman: stored.declaredHuman };
  if (p.status === 'new' || p.target === '') return null;
  const filled = revisions.find((r) => r.afterText !== null && r.afterText !== '' && r.action !== 'import');
  return { kind: filled?.origin === 'tm' ? 'tm' : 'human', tool: null, declaredHuman: null };
}

function paragraphOf(
  deps: ServiceDeps,
  workflow: WorkflowRepo,
  p: Paragraph,
  revisions: readonly Revision[],
  stored?: StoredOrigin,
): ExportParagraph {
  const editors = new Map<string, ExportActor>();
  let confirmedBy: ExportActor | null = null;
  for (const r of revisions) {
    if (r.action === 'edit' && r.origin === 'human' && !editors.has(r.authorName)) editors.set(r.authorName, actor(r));
    if (r.action === 'confirm') confirmedBy = actor(r);
    // A later edit makes an earlier confirmation stale.
    if (r.action === 'edit' && r.origin === 'human') confirmedBy = null;
  }
  const first = revisions[0];
  const last = revisions[revisions.length - 1];
  const fallback: ExportActor = { name: 'Verso', role: null, at: p.updatedAt };
  return {
    id: p.id,
    index: p.index,
    kind: p.kind,
    marker: p.marker,
    source: p.source,
    target: p.target,
    codes: p.codes ?? [],
    status: p.status,
    mt: p.mt,
    engineName: p.mt ? (deps.engines.get(p.mt.engineId)?.name ?? p.mt.engineId) : null,
    signOff: p.signOff,
    confirmedBy,
    editors: [...editors.values()],
    created: first ? actor(first) : fallback,
    changed: last ? actor(last) : fallback,
    ...(p.excluded ? { excluded: true } : {}),
    ...withReview(signOffReviewOf(workflow, p, revisions)),
    origin: originOf(p, revisions, stored),
    ...(p.status === 'signed-off' ? signatureOf(deps, p.id) : {}),
  };
}

const auditRepos = new WeakMap<ServiceDeps['db'], ReturnType<typeof createAuditRepo>>();

/** The paragraph's latest sign-off claim, its signature and the signer's public key (issue 12). */
function signatureOf(deps: ServiceDeps, paragraphId: string): { signature?: ExportSignature } {
  let audit = auditRepos.get(deps.db);
  if (!audit) auditRepos.set(deps.db, (audit = createAuditRepo(deps.db)));
  const entry = audit.lastSignOff(paragraphId);
  const claim = entry ? claimOf(entry.payload) : null;
  if (!entry || !claim) return {};
  const { legacy: _legacy, ...signed } = claim;
  const team = teamSignerOf(entry.payload);
  const key = entry.signature === null ? null : team ? { public_key: team.publicKey } : audit.publicKey(claim.keyId);
  return {
    signature: {
      claim: signed,
      signature: entry.signature,
      publicKey: key?.public_key ?? null,
      ...(team ? { vouched: true as const } : {}),
    },
  };
}

/** Numbers (1-based) of signed-off paragraphs whose QA errors were not overridden with a reason at sign-off. */
function unresolvedQa(deps: ServiceDeps, paragraphs: readonly Paragraph[], revisions: ReadonlyMap<string, Revision[]>): number[] {
  const core = createReviewCore(deps);
  const out: number[] = [];
  for (const p of paragraphs) {
    if (p.excluded || qaErrors(core.qaIssues(p)).length === 0) continue;
    const signOff = [...(revisions.get(p.id) ?? [])].reverse().find((r) => r.action === 'sign-off');
    const overridden = signOff !== undefined && core.workflow.overridesOfParagraph(p.id).some((o) => o.revisionId === signOff.id);
    if (!overridden) out.push(p.index + 1);
  }
  return out;
}

function footerLines(
  deps: ServiceDeps,
  targetLang: string,
  paragraphs: readonly ExportParagraph[],
  settings: Settings,
  overrides: FooterOverrides,
): { lang: string; lines: string[] } {
  const template = effectiveFooterTemplate(targetLang, overrides);
  if (!template) {
    throw new ServiceError(
      'FOOTER_TEMPLATE_MISSING',
      `There is no disclosure footer for ${targetLang}, so this document cannot be exported for publication. ` +
        `Add one under Settings → Disclosure footer (language ${targetLang}), or add a vetted template file shared/footer/templates/${targetLang}.json. ` +
        'Verso never falls back to another language or to machine translation for the footer.',
      { lang: targetLang },
    );
  }
  // Every empty setting the footer uses is named at once (in the settings' order), not one per attempt.
  const used = new Set(footerPlaceholders(template));
  const missing = FOOTER_SETTING_FIELDS.filter((name) => used.has(name) && settings[name].trim() === '');
  if (missing.length > 0) {
    const names = { publisher: 'publisher name', contactEmail: 'contact e-mail address' } as const;
    throw new ServiceError(
      'EXPORT_SETTINGS_MISSING',
      `The disclosure footer needs the ${missing.map((m) => names[m]).join(' and the ')}: fill ${missing.length > 1 ? 'them' : 'it'} in under Settings → Publication.`,
      { fields: [...missing] },
    );
  }
  const distinct = (values: readonly string[]) => [...new Set(values.filter((v) => v !== ''))];
  const rendered = renderFooter(template, {
    publisher: settings.publisher,
    contactEmail: settings.contactEmail,
    engines: distinct(paragraphs.map((p) => p.engineName ?? '')).join(', '),
    editor: distinct(paragraphs.map((p) => p.signOff?.name ?? '')).join(', '),
    date: deps.now().toISOString().slice(0, 10),
  });
  return { lang: template.lang, lines: rendered.split('\n\n').map(tidy) };
}

/** For the footer policy, an origin nobody knows counts as machine translation until an editor declares it human. */
function footerView(p: ExportParagraph): { mt: unknown; originUnknown: boolean } {
  return { mt: p.mt, originUnknown: p.origin?.kind === 'unknown' && p.origin.declaredHuman === null };
}

/** The footer policy or this language's template was changed outside Verso: the disclosure cannot be trusted (issue 12). */
function refuseUnrecordedFooterSettings(deps: ServiceDeps, targetLang: string): void {
  const templateLang = effectiveFooterTemplate(targetLang, readFooterOverrides(deps))?.lang ?? targetLang;
  const changed = unrecordedFooterSettings(deps.db).filter((s) => s.setting === 'footerPolicy' || s.lang === templateLang);
  if (changed.length === 0) return;
  const what = changed.map((s) =>
    s.setting === 'footerPolicy' ? 'the footer policy' : `the footer template for ${s.lang ?? templateLang}`,
  );
  throw new ServiceError(
    'EXPORT_FOOTER_SETTINGS_UNRECORDED',
    `The disclosure footer cannot be trusted: ${what.join(' and ')} ${changed.length > 1 ? 'are' : 'is'} not what an editor last recorded (changed outside Verso). ` +
      'An editor must set it again under Settings → Disclosure footer before a publish-ready export.',
    { settings: changed.map((s) => s.setting), lang: templateLang },
  );
}

function withPlace(p: ExportParagraph, place: ParagraphPlace | undefined): ExportParagraph {
  return place ? { ...p, place } : p;
}

export interface CollectedExport {
  doc: ExportDocument;
  warnings: ExportWarning[];
}

type CollectInput = { documentId: string; format: ExportFileFormat; mode: ExportMode };

export function collectExport(deps: ServiceDeps, input: CollectInput): CollectedExport {
  const stored = deps.repos.documents.get(input.documentId);
  if (!stored)
    throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document does not exist (it may have been deleted).', {
      documentId: input.documentId,
    });
  const paragraphs = deps.repos.paragraphs.listByDocument(input.documentId);
  const revisions = revisionsByParagraph(deps, input.documentId);
  if (input.mode === 'publish') refuseUnpublishable(deps, stored.targetLang, paragraphs, revisions);
  const overrides = readFooterOverrides(deps);
  const collected = exportParagraphsOf(deps, input, paragraphs, revisions);
  const warnings = footerLikeWarnings(collected, overrides);
  const settings = readSettings(deps);
  // Unknown origins count as MT unless an editor declared them human (footerView).
  const applies = footerApplies(settings.footerPolicy, collected.map(footerView));
  const governance = footerGovernance(deps, { targetLang: stored.targetLang, settings, overrides, applies });
  const publishesFooter = input.mode === 'publish' && FOOTER_FORMATS.includes(input.format);
  if (publishesFooter) warnings.push(...governanceWarnings(governance));
  const { footer, exportParagraphs } =
    publishesFooter && applies
      ? withFooter(footerLines(deps, stored.targetLang, collected, settings, overrides), collected, warnings)
      : { footer: null, exportParagraphs: collected };
  return {
    doc: {
      id: stored.id,
      title: stored.title,
      sourceLang: stored.sourceLang,
      targetLang: stored.targetLang,
      createdAt: stored.createdAt,
      paragraphs: exportParagraphs,
      mode: input.mode,
      footer,
      draftNotice: input.mode === 'draft' ? draftNotice(paragraphs, stored.targetLang) : null,
      exportedAt: deps.now().toISOString(),
      toolVersion: deps.appInfo.version,
      footerGovernance: governance,
    },
    warnings,
  };
}

function revisionsByParagraph(deps: ServiceDeps, documentId: string): Map<string, Revision[]> {
  const revisions = new Map<string, Revision[]>();
  for (const r of deps.repos.revisions.listByDocument(documentId)) {
    const list = revisions.get(r.paragraphId) ?? [];
    list.push(r);
    revisions.set(r.paragraphId, list);
  }
  return revisions;
}

/** The publish gates: every paragraph signed off, signatures intact, footer settings recorded, QA resolved. */
function refuseUnpublishable(deps: ServiceDeps, targetLang: string, paragraphs: Paragraph[], revisions: Map<string, Revision[]>): void {
  const blockers = publishBlockers(paragraphs);
  if (blockers.count > 0) {
    const numbers = blockers.indices.map((i) => i + 1);
    throw new ServiceError(
      'EXPORT_NOT_SIGNED_OFF',
      `${plural(blockers.count, 'paragraph is', 'paragraphs are')} not signed off: ${formatNumbers(numbers)}`,
      { count: blockers.count, paragraphs: numbers },
    );
  }
  // Signatures and the chain, not the status column (issue 12).
  const broken = createSignatureVerifier(deps.db)
    .check(paragraphs)
    .map((c) => c.number);
  if (broken.length > 0) {
    throw new ServiceError(
      'EXPORT_SIGNATURE_BROKEN',
      `${plural(broken.length, 'signed-off paragraph was', 'signed-off paragraphs were')} changed after sign-off, outside Verso (signature broken): ${formatNumbers(broken)}. ` +
        'Check the text and sign it off again.',
      { count: broken.length, paragraphs: broken },
    );
  }
  refuseUnrecordedFooterSettings(deps, targetLang);
  const qa = unresolvedQa(deps, paragraphs, revisions);
  if (qa.length > 0) {
    throw new ServiceError(
      'EXPORT_QA_UNRESOLVED',
      `${plural(qa.length, 'paragraph has', 'paragraphs have')} an unresolved QA error: ${formatNumbers(qa)}. Fix the text or sign it off again with a reason.`,
      { count: qa.length, paragraphs: qa },
    );
  }
}

/** The paragraphs as the format exports them, with their origins, review facts and Word places. */
function exportParagraphsOf(
  deps: ServiceDeps,
  input: CollectInput,
  paragraphs: Paragraph[],
  revisions: Map<string, Revision[]>,
): ExportParagraph[] {
  // Excluded paragraphs: left out, kept as source or marked, per format (excludedParagraphs.ts).
  const excludedExport = createExclusionRepo(deps.db).excludedExport(input.documentId);
  const workflow = createWorkflowRepo(deps.db);
  // A human-origin declaration the audit log does not hold (written by SQL) is ignored.
  const origins = new Map(
    keepRecordedDeclarations(deps.db, input.documentId, provenanceRepoFor(deps.db).listByDocument(input.documentId)).map((o) => [
      o.paragraphId,
      o,
    ]),
  );
  // Word places (issue 14): notes, table cells, text boxes, for the DOCX writer.
  const places = createDocxStructureRepo(deps.db).placesOfDocument(input.documentId);
  return paragraphsForFormat(
    input.format,
    paragraphs.map((p) => withPlace(paragraphOf(deps, workflow, p, revisions.get(p.id) ?? [], origins.get(p.id)), places.get(p.id))),
    excludedExport,
  );
}

function footerLikeWarnings(paragraphs: readonly ExportParagraph[], overrides: Record<string, string[]>): ExportWarning[] {
  const warnings: ExportWarning[] = [];
  for (const p of paragraphs) {
    if (isFooterLike(p.source, overrides)) warnings.push({ code: 'FOOTER_LIKE_PARAGRAPH', paragraph: p.index + 1, side: 'source' });
    else if (isFooterLike(p.target, overrides)) warnings.push({ code: 'FOOTER_LIKE_PARAGRAPH', paragraph: p.index + 1, side: 'target' });
  }
  return warnings;
}

/** Visible after export: a footer left out by the policy, or a wording that is not the vetted template. */
function governanceWarnings(governance: ReturnType<typeof footerGovernance>): ExportWarning[] {
  if (governance.omitted)
    return [
      { code: 'FOOTER_OMITTED', policy: governance.policy, decidedBy: governance.omitted.decidedBy, reason: governance.omitted.reason },
    ];
  if (governance.template?.custom)
    return [{ code: 'FOOTER_TEMPLATE_CUSTOM', lang: governance.template.lang, sha256: governance.template.sha256 }];
  return [];
}

/** A translation that already ends with exactly this footer (a re-imported export) keeps it once. */
function withFooter(
  footer: NonNullable<ExportDocument['footer']>,
  paragraphs: ExportParagraph[],
  warnings: ExportWarning[],
): { footer: ExportDocument['footer']; exportParagraphs: ExportParagraph[] } {
  const n = footer.lines.length;
  const tail = paragraphs.slice(-n);
  if (tail.length === n && tail.every((p, i) => tidy(p.target).replace(/\s+/g, ' ') === footer.lines[i]!.replace(/\s+/g, ' '))) {
    warnings.push({ code: 'FOOTER_ALREADY_PRESENT', paragraphs: tail.map((p) => p.index + 1) });
    return { footer, exportParagraphs: paragraphs.slice(0, -n) };
  }
  return { footer, exportParagraphs: paragraphs };
}
