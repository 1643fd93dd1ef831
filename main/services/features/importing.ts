/**
 * Services of `ImportingApi`: living stories (re-importing a revised source onto a document).
 * Unchanged paragraphs keep everything (translation, status, sign-off), also when they moved;
 * changed ones are reopened ('edited', sign-off withdrawn) with their old source and translation
 * kept as a reference; new ones are inserted in place; removed ones are archived with their history
 * (outside `paragraphs`, so they are never exported). One transaction: all or nothing.
 */
import type { ReimportSummary } from '../../../shared/features/importingApi.js';
import type { ImportingApi } from '../../../shared/features/importingContract.js';
import type { HtmlExtract, ImportedSegment, ImportFormat } from '../../../shared/import/importedDocument.js';
import { planReimport, type ReimportPlan } from '../../../shared/import/reimportPlan.js';
import { isInvisible } from '../../../shared/import/visibleText.js';
import { repairTokens } from '../../../shared/inline/inlineCodes.js';
import { renderPlainText } from '../../../shared/inline/renderInline.js';
import type { Paragraph, Profile } from '../../../shared/types.js';
import { createImportingRepo } from '../../db/repositories/importing/importingRepo.js';
import type { DocumentRecord } from '../../db/repositories/index.js';
import { bundledWorkerFile, createImportRunner, type ImportRunner } from '../../import/importRunner.js';
import { requireProfile, type ServiceDeps } from '../context.js';
import { checkFileLanguages, checkLanguagePair, importJob, insertImportedParagraph, storeImportedDocument } from '../documentService.js';
import { ServiceError } from '../serviceError.js';
import { replaceImportStructure, withImportStructure } from '../importStructure.js';
import type { ImportReport } from '../../../shared/import/importReport.js';
import { applyFileTarget, creditedTool, emptyTranslations } from './reimportTargets.js';

/** Added to positions while paragraphs are renumbered, so UNIQUE(document_id, position) never trips. */
const POSITION_OFFSET = 1_000_000;

export interface ImportingServiceOptions {
  runner?: ImportRunner;
}

export function createImportingService(deps: ServiceDeps, options: ImportingServiceOptions = {}): ImportingApi {
  const { repos } = deps;
  const importing = createImportingRepo(deps.db);
  const runner = options.runner ?? createImportRunner({ workerFile: bundledWorkerFile() });

  function requireDocument(documentId: string): DocumentRecord {
    const doc = repos.documents.get(documentId);
    if (!doc) throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document does not exist (it may have been deleted).', { documentId });
    return doc;
  }

  const apply = deps.db.transaction(
    (
      doc: DocumentRecord,
      segments: ImportedSegment[],
      meta: { format: ImportFormat; fileName: string | null; extract: HtmlExtract | null; report?: ImportReport | undefined; tool: string | null },
      author: Profile,
      planned: { oldSources: readonly string[]; plan: ReimportPlan },
    ): ReimportSummary => {
      const at = deps.now().toISOString();
      const old = repos.paragraphs.listByDocument(doc.id);
      // Planned in the worker from the sources as they were; planned again here if they changed since.
      const same = planned.oldSources.length === old.length && old.every((p, i) => p.source === planned.oldSources[i]);
      const plan = same
        ? planned.plan
        : planReimport(
            old.map((p) => p.source),
            segments.map((s) => s.text),
            doc.sourceLang,
          );
      const summary: ReimportSummary = { reimportId: 0, unchanged: 0, moved: [], changed: [], added: [], removed: [], signOffsWithdrawn: 0 };
      for (const step of plan.steps) {
        if (step.type === 'unchanged') summary.unchanged++;
        else if (step.type === 'moved') summary.moved.push(step.newIndex + 1);
        else if (step.type === 'changed') summary.changed.push(step.newIndex + 1);
        else summary.added.push(step.newIndex + 1);
      }
      summary.removed = plan.removed.map((i) => ({ oldNumber: i + 1, source: old[i]!.source.slice(0, 200) }));
      summary.signOffsWithdrawn = plan.steps.filter((s) => s.type === 'changed' && old[s.oldIndex]!.status === 'signed-off').length;

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
      const fileTarget = (p: Paragraph, seg: ImportedSegment, index: number): void => {
        if (translations) applyFileTarget(deps, { doc, author, at, reimportId, out: translations }, p, seg, index);
      };

      // Removed: archived with their history, then deleted (their revisions and workflow rows go with them).
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
          paragraph: p,
          revisions: repos.revisions.listByParagraph(p.id),
          archivedAt: at,
        });
        importing.deleteParagraph(p.id);
      }
      // Out of the way first, then into the new order.
      const removed = new Set(plan.removed);
      for (const [i, p] of old.entries()) if (!removed.has(i)) importing.setPosition(p.id, p.index + POSITION_OFFSET);

      const idAt: string[] = [];
      for (const step of plan.steps) {
        const seg = segments[step.newIndex]!;
        if (step.type === 'added') {
          idAt[step.newIndex] = insertImportedParagraph(deps, doc, translations ? seg : { ...seg, target: null }, step.newIndex, author, at).id;
          if (translations && seg.target && !seg.excluded) translations.applied.push(step.newIndex + 1);
          continue;
        }
        const p = old[step.oldIndex]!;
        idAt[step.newIndex] = p.id;
        importing.setPosition(p.id, step.newIndex);
        repos.paragraphs.setCodes(p.id, seg.codes ?? []);
        if (step.type !== 'changed') {
          // Same text; the block kind or marker may still have changed (e.g. a paragraph became a heading).
          if (p.kind !== seg.kind || p.marker !== seg.marker) importing.setSource(p.id, p.source, seg.kind, seg.marker, p.updatedAt);
          fileTarget(p, seg, step.newIndex);
          continue;
        }
        importing.addReopening({
          paragraphId: p.id,
          reimportId,
          oldSource: p.source,
          oldTarget: p.target,
          oldStatus: p.status,
          signedOffByName: p.signOff?.name ?? null,
        });
        importing.setSource(p.id, seg.text, seg.kind, seg.marker, at);
        const reopened: Paragraph = {
          ...p,
          index: step.newIndex,
          source: seg.text,
          // Work already done stays as the starting point, marked as needing work again.
          status: p.status === 'new' ? 'new' : 'edited',
          signOff: null,
          updatedAt: at,
        };
        repos.paragraphs.update(reopened);
        repos.revisions.insert({
          paragraphId: p.id,
          documentId: doc.id,
          profileId: author.id,
          authorName: author.name,
          role: author.role,
          origin: 'import',
          action: p.status === 'signed-off' ? 'sign-off-withdrawn' : 'import',
          mtEngine: null,
          beforeText: p.status === 'signed-off' ? p.target : null,
          afterText: p.status === 'signed-off' ? p.target : seg.text,
          statusBefore: p.status,
          statusAfter: reopened.status,
          createdAt: at,
        });
        fileTarget(reopened, seg, step.newIndex);
      }
      if (translations) {
        translations.applied.sort((a, b) => a - b);
        translations.skipped.sort((a, b) => a.paragraph - b.paragraph);
        summary.translations = translations;
        importing.setReimportSummary(reimportId, { ...summary, reimportId: undefined });
      }
      // Word places and the report as the revised file has them (issue 14).
      replaceImportStructure(deps, doc.id, segments, idAt, meta.report ?? null);
      importing.saveSource({ documentId: doc.id, format: meta.format, fileName: meta.fileName, encoding: null, importedAt: at, htmlExtract: meta.extract });
      repos.documents.touch(doc.id, at);
      return summary;
    },
  );

  return {
    async alignBilingual({ source, translation }) {
      requireProfile(deps);
      const [src, tgt] = [await runner.parse(importJob(source)), await runner.parse(importJob(translation))];
      // The person aligns plain text; inline tokens are put back when the document is created.
      const plain = (s: ImportedSegment): string => renderPlainText(s.text, s.codes ?? []);
      const translations = tgt.segments.map(plain);
      const { targets, uncertain } = await runner.run({ kind: 'align', sources: src.segments.map(plain), translations });
      return {
        sources: src.segments.map((s) => ({ kind: s.kind, marker: s.marker, text: plain(s) })),
        translations,
        proposal: targets,
        uncertain,
      };
    },
    async importBilingual({ source, targets, sourceLang, targetLang, title }) {
      const profile = requireProfile(deps);
      const pair = checkLanguagePair(sourceLang, targetLang);
      const parsed = await runner.parse(importJob(source));
      if (targets.length !== parsed.segments.length) {
        throw new ServiceError(
          'ALIGNMENT_COUNT_MISMATCH',
          `The source has ${parsed.segments.length} paragraphs but ${targets.length} translations were given; align them first.`,
          { sources: parsed.segments.length, targets: targets.length },
        );
      }
      const segments: ImportedSegment[] = parsed.segments.map((seg, i) => {
        // A plain translation of a source with inline tokens gets them at its end (QA asks to place them).
        const given = (targets[i] ?? '').normalize('NFC').trim();
        // A translation of invisible characters only is no translation.
        const typed = isInvisible(given) ? '' : given;
        const text = typed !== '' && seg.codes && seg.codes.length > 0 ? repairTokens(typed, seg.codes).text : typed;
        // A translation made elsewhere by a person: 'edited' until a translator here confirms it.
        return { ...seg, target: text === '' ? null : { text, state: 'edited', tool: null } };
      });
      const fileName = source.kind === 'file' ? source.fileName.slice(0, 255) : null;
      const id = storeImportedDocument(deps, { parsed: { ...parsed, segments }, fileName, ...pair, title, author: profile });
      return { ...repos.documents.summary(id)!, paragraphs: repos.paragraphs.listByDocument(id) };
    },
    async reimportDocument({ documentId, source, tool }) {
      const profile = requireProfile(deps);
      const doc = requireDocument(documentId);
      if (deps.jobs.runningFor(documentId)) {
        throw new ServiceError('JOB_ALREADY_RUNNING', 'A translation is running for this document; wait for it or cancel it first.', { documentId });
      }
      // A page is read again the way it was first read (its article, or the whole page), unless the person chose.
      const stored = createImportingRepo(deps.db).source(documentId)?.htmlExtract ?? null;
      const parsed = await runner.parse(importJob(source.extract || !stored ? source : { ...source, extract: stored }));
      checkFileLanguages(parsed, doc);
      // The document may have gone, or a job started, while the file was parsed.
      requireDocument(documentId);
      if (deps.jobs.runningFor(documentId)) {
        throw new ServiceError('JOB_ALREADY_RUNNING', 'A translation is running for this document; wait for it or cancel it first.', { documentId });
      }
      const fileName = source.kind === 'file' ? source.fileName.slice(0, 255) : null;
      const oldSources = repos.paragraphs.listByDocument(documentId).map((p) => p.source);
      const plan = await runner.run({ kind: 'reimportPlan', oldSources, newSources: parsed.segments.map((s) => s.text), lang: doc.sourceLang });
      // Again: the document may have gone, or a job started, while the plan was made.
      requireDocument(documentId);
      if (deps.jobs.runningFor(documentId)) {
        throw new ServiceError('JOB_ALREADY_RUNNING', 'A translation is running for this document; wait for it or cancel it first.', { documentId });
      }
      const credited = creditedTool(parsed, tool?.trim() || null);
      const summary = apply(doc, parsed.segments, { format: parsed.format, fileName, extract: parsed.extract ?? null, report: parsed.report, tool: credited }, profile, { oldSources, plan });
      const summaryRow = repos.documents.summary(documentId)!;
      return { document: withImportStructure(deps.db, { ...summaryRow, paragraphs: repos.paragraphs.listByDocument(documentId) }), summary };
    },
    async listReopenedParagraphs({ documentId }) {
      requireDocument(documentId);
      const open = new Map(repos.paragraphs.listByDocument(documentId).map((p) => [p.id, p.status]));
      // Once confirmed or signed off again, a reopened paragraph is settled.
      return importing
        .reopenings(documentId)
        .filter((r) => {
          const status = open.get(r.paragraphId);
          return status !== undefined && status !== 'translated' && status !== 'signed-off';
        })
        .map(({ paragraphId, oldSource, oldTarget, oldStatus, signedOffByName, reimportedAt }) => ({
          paragraphId,
          oldSource,
          oldTarget,
          oldStatus,
          signedOffByName,
          reimportedAt,
        }));
    },
  };
}
