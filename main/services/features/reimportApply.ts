/**
 * One re-import applied to the library, inside the re-import's transaction (importing.ts): the plan
 * (shared/import/reimportPlan.ts) summarised, removed paragraphs archived with their history, kept
 * ones renumbered, changed ones reopened with their old text kept as a reference, new ones inserted,
 * and (XLIFF) the file's translations applied as work done in another tool (reimportTargets.ts).
 */
import type { ReimportSummary, ReimportTranslations } from '../../../shared/features/importingApi.js';
import type { HtmlExtract, ImportedSegment, ImportFormat } from '../../../shared/import/importedDocument.js';
import type { ImportReport } from '../../../shared/import/importReport.js';
import { planReimport, type ReimportPlan, type ReimportStep } from '../../../shared/import/reimportPlan.js';
import type { Paragraph, Profile } from '../../../shared/types.js';
import type { createImportingRepo } from '../../db/repositories/importing/importingRepo.js';
import type { DocumentRecord } from '../../db/repositories/index.js';
import type { ServiceDeps } from '../context.js';
import { insertImportedParagraph } from '../documentService.js';
import { replaceImportStructure } from '../importStructure.js';
import { applyFileTarget, emptyTranslations } from './reimportTargets.js';
import { archivedParagraph } from '../../team/local/reimportArchive.js';

/** Added to positions while paragraphs are renumbered, so UNIQUE(document_id, position) never trips. */
const POSITION_OFFSET = 1_000_000;

export interface ReimportMeta {
  format: ImportFormat;
  fileName: string | null;
  extract: HtmlExtract | null;
  report?: ImportReport | undefined;
  tool: string | null;
}

/** What every step of one re-import shares. */
interface ApplyContext {
  deps: ServiceDeps;
  importing: ReturnType<typeof createImportingRepo>;
  doc: DocumentRecord;
  author: Profile;
  at: string;
  reimportId: number;
  /** XLIFF: the file's translations, counted as they are applied; null for other formats. */
  translations: ReimportTranslations | null;
}

/** Applies the re-import of `segments` onto `doc` (call inside a transaction). */
export function applyReimport(
  deps: ServiceDeps,
  importing: ReturnType<typeof createImportingRepo>,
  doc: DocumentRecord,
  segments: ImportedSegment[],
  meta: ReimportMeta,
  author: Profile,
  planned: { oldSources: readonly string[]; plan: ReimportPlan },
): ReimportSummary {
  const at = deps.now().toISOString();
  const old = deps.repos.paragraphs.listByDocument(doc.id);
  // Planned in the worker from the sources as they were; planned again here if they changed since.
  const same = planned.oldSources.length === old.length && old.every((p, i) => p.source === planned.oldSources[i]);
  const plan = same
    ? planned.plan
    : planReimport(
        old.map((p) => p.source),
        segments.map((s) => s.text),
        doc.sourceLang,
      );
  const summary = summarize(plan, old);
  const reimportId = importing.addReimport({
    documentId: doc.id,
    profileId: author.id,
    authorName: author.name,
    format: meta.format,
    fileName: meta.fileName,
    summary: { ...summary, reimportId: undefined },
    createdAt: at,
  });
  summary.reimportId = reimportId;
  // XLIFF: the file's targets are work done elsewhere (issue 14); other formats carry none.
  const translations = meta.format === 'xliff' ? emptyTranslations(meta.tool) : null;
  const ctx: ApplyContext = { deps, importing, doc, author, at, reimportId, translations };
  archiveRemoved(ctx, plan, old);
  const idAt = placeParagraphs(ctx, plan, old, segments);
  if (translations) {
    translations.applied.sort((a, b) => a - b);
    translations.skipped.sort((a, b) => a.paragraph - b.paragraph);
    summary.translations = translations;
    importing.setReimportSummary(reimportId, { ...summary, reimportId: undefined });
  }
  // Word places and the report as the revised file has them (issue 14).
  replaceImportStructure(deps, doc.id, segments, idAt, meta.report ?? null);
  importing.saveSource({
    documentId: doc.id,
    format: meta.format,
    fileName: meta.fileName,
    encoding: null,
    importedAt: at,
    htmlExtract: meta.extract,
  });
  deps.repos.documents.touch(doc.id, at);
  return summary;
}

function summarize(plan: ReimportPlan, old: readonly Paragraph[]): ReimportSummary {
  const summary: ReimportSummary = { reimportId: 0, unchanged: 0, moved: [], changed: [], added: [], removed: [], signOffsWithdrawn: 0 };
  for (const step of plan.steps) {
    if (step.type === 'unchanged') summary.unchanged++;
    else if (step.type === 'moved') summary.moved.push(step.newIndex + 1);
    else if (step.type === 'changed') summary.changed.push(step.newIndex + 1);
    else summary.added.push(step.newIndex + 1);
  }
  summary.removed = plan.removed.map((i) => ({ oldNumber: i + 1, source: old[i]!.source.slice(0, 200) }));
  summary.signOffsWithdrawn = plan.steps.filter((s) => s.type === 'changed' && old[s.oldIndex]!.status === 'signed-off').length;
  return summary;
}

/** Removed: archived with their history, then deleted (their revisions and workflow rows go with them). */
function archiveRemoved(ctx: ApplyContext, plan: ReimportPlan, old: readonly Paragraph[]): void {
  const { importing, doc, reimportId, at } = ctx;
  for (const i of plan.removed) {
    const p = old[i]!;
    importing.archive({
      paragraphId: p.id,
      documentId: doc.id,
      reimportId,
      oldPosition: p.index,
      source: p.source,
      target: p.target,
      status: p.status,
      // In a team, with its open conflicts (they would go with the row).
      paragraph: archivedParagraph(ctx.deps.db, p),
      revisions: ctx.deps.repos.revisions.listByParagraph(p.id),
      archivedAt: at,
    });
    importing.deleteParagraph(p.id);
  }
  // Out of the way first, then into the new order.
  const removed = new Set(plan.removed);
  for (const [i, p] of old.entries()) if (!removed.has(i)) importing.setPosition(p.id, p.index + POSITION_OFFSET);
}

/** Every paragraph of the revised file in its place; returns the paragraph ids by new position. */
function placeParagraphs(ctx: ApplyContext, plan: ReimportPlan, old: readonly Paragraph[], segments: readonly ImportedSegment[]): string[] {
  const idAt: string[] = [];
  for (const step of plan.steps) {
    const seg = segments[step.newIndex]!;
    if (step.type === 'added') {
      idAt[step.newIndex] = addParagraph(ctx, seg, step.newIndex);
      continue;
    }
    const p = old[step.oldIndex]!;
    idAt[step.newIndex] = p.id;
    ctx.importing.setPosition(p.id, step.newIndex);
    ctx.deps.repos.paragraphs.setCodes(p.id, seg.codes ?? []);
    if (step.type === 'changed') fileTarget(ctx, reopenChanged(ctx, p, seg, step), seg, step.newIndex);
    else {
      // Same text; the block kind or marker may still have changed (e.g. a paragraph became a heading).
      if (p.kind !== seg.kind || p.marker !== seg.marker) ctx.importing.setSource(p.id, p.source, seg.kind, seg.marker, p.updatedAt);
      fileTarget(ctx, p, seg, step.newIndex);
    }
  }
  return idAt;
}

function addParagraph(ctx: ApplyContext, seg: ImportedSegment, index: number): string {
  const { deps, doc, author, at, translations } = ctx;
  const id = insertImportedParagraph(deps, doc, translations ? seg : { ...seg, target: null }, index, author, at).id;
  if (translations && seg.target && !seg.excluded) translations.applied.push(index + 1);
  return id;
}

function fileTarget(ctx: ApplyContext, p: Paragraph, seg: ImportedSegment, index: number): void {
  const { deps, doc, author, at, reimportId, translations } = ctx;
  if (translations) applyFileTarget(deps, { doc, author, at, reimportId, out: translations }, p, seg, index);
}

/** A paragraph whose source changed: reopened, its old source and translation kept as a reference. */
function reopenChanged(ctx: ApplyContext, p: Paragraph, seg: ImportedSegment, step: ReimportStep & { type: 'changed' }): Paragraph {
  const { deps, importing, doc, author, at, reimportId } = ctx;
  importing.addReopening({
    paragraphId: p.id,
    reimportId,
    oldSource: p.source,
    oldTarget: p.target,
    oldStatus: p.status,
    signedOffByName: p.signOff?.name ?? null,
  });
  importing.setSource(p.id, seg.text, seg.kind, seg.marker, at);
  // Work already done stays as the starting point, marked as needing work again.
  const reopened: Paragraph = {
    ...p,
    index: step.newIndex,
    source: seg.text,
    status: p.status === 'new' ? 'new' : 'edited',
    signOff: null,
    updatedAt: at,
  };
  deps.repos.paragraphs.update(reopened);
  const wasSigned = p.status === 'signed-off';
  deps.repos.revisions.insert({
    paragraphId: p.id,
    documentId: doc.id,
    profileId: author.id,
    authorName: author.name,
    role: author.role,
    origin: 'import',
    action: wasSigned ? 'sign-off-withdrawn' : 'import',
    mtEngine: null,
    beforeText: wasSigned ? p.target : null,
    afterText: wasSigned ? p.target : seg.text,
    statusBefore: p.status,
    statusAfter: reopened.status,
    createdAt: at,
  });
  return reopened;
}
