/**
 * Services of `ImportingApi`: living stories (re-importing a revised source onto a document).
 * Unchanged paragraphs keep everything (translation, status, sign-off), also when they moved;
 * changed ones are reopened ('edited', sign-off withdrawn) with their old source and translation
 * kept as a reference; new ones are inserted in place; removed ones are archived with their history
 * (outside `paragraphs`, so they are never exported). One transaction: all or nothing.
 */
import type { ReimportSummary } from '../../../shared/features/importingApi.js';
import type { ImportingApi } from '../../../shared/features/importingContract.js';
import type { ImportedSegment } from '../../../shared/import/importedDocument.js';
import type { ReimportPlan } from '../../../shared/import/reimportPlan.js';
import { isInvisible } from '../../../shared/import/visibleText.js';
import { repairTokens } from '../../../shared/inline/inlineCodes.js';
import { renderPlainText } from '../../../shared/inline/renderInline.js';
import type { Profile } from '../../../shared/types.js';
import { createImportingRepo } from '../../db/repositories/importing/importingRepo.js';
import type { DocumentRecord } from '../../db/repositories/index.js';
import { createImportRunner, type ImportRunner } from '../../import/importRunner.js';
import { bundledWorkerFile } from '../../import/importWorkers.js';
import { requireProfile, type ServiceDeps } from '../context.js';
import { checkFileLanguages, checkLanguagePair, importJob, storeImportedDocument } from '../documentService.js';
import { ServiceError } from '../../core/serviceError.js';
import { withImportStructure } from '../importStructure.js';
import { creditedTool } from './reimportTargets.js';
import { applyReimport, type ReimportMeta } from './reimportApply.js';
import { withReimportCapture } from '../../team/local/captureReimport.js';

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
      meta: ReimportMeta,
      author: Profile,
      planned: { oldSources: readonly string[]; plan: ReimportPlan },
    ): ReimportSummary =>
      // Issue 16: in a team, the re-import's result goes to the outbox with it (captureReimport.ts).
      withReimportCapture(
        deps.db,
        doc.id,
        () => applyReimport(deps, importing, doc, segments, meta, author, planned),
        (summary) => ({ format: meta.format, fileName: meta.fileName, summary, at: deps.now().toISOString() }),
      ),
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
      const { id, paragraphs } = storeImportedDocument(deps, {
        parsed: { ...parsed, segments },
        fileName,
        ...pair,
        title,
        author: profile,
      });
      return { ...repos.documents.summary(id)!, paragraphs };
    },
    async reimportDocument({ documentId, source, tool }) {
      const profile = requireProfile(deps);
      const doc = requireDocument(documentId);
      if (deps.jobs.runningFor(documentId)) {
        throw new ServiceError('JOB_ALREADY_RUNNING', 'A translation is running for this document; wait for it or cancel it first.', {
          documentId,
        });
      }
      // A page is read again the way it was first read (its article, or the whole page), unless the person chose.
      const stored = createImportingRepo(deps.db).source(documentId)?.htmlExtract ?? null;
      const parsed = await runner.parse(importJob(source.extract || !stored ? source : { ...source, extract: stored }));
      checkFileLanguages(parsed, doc);
      // The document may have gone, or a job started, while the file was parsed.
      requireDocument(documentId);
      if (deps.jobs.runningFor(documentId)) {
        throw new ServiceError('JOB_ALREADY_RUNNING', 'A translation is running for this document; wait for it or cancel it first.', {
          documentId,
        });
      }
      const fileName = source.kind === 'file' ? source.fileName.slice(0, 255) : null;
      const oldSources = repos.paragraphs.listByDocument(documentId).map((p) => p.source);
      const plan = await runner.run({
        kind: 'reimportPlan',
        oldSources,
        newSources: parsed.segments.map((s) => s.text),
        lang: doc.sourceLang,
      });
      // Again: the document may have gone, or a job started, while the plan was made.
      requireDocument(documentId);
      if (deps.jobs.runningFor(documentId)) {
        throw new ServiceError('JOB_ALREADY_RUNNING', 'A translation is running for this document; wait for it or cancel it first.', {
          documentId,
        });
      }
      const credited = creditedTool(parsed, tool?.trim() || null);
      const summary = apply(
        doc,
        parsed.segments,
        { format: parsed.format, fileName, extract: parsed.extract ?? null, report: parsed.report, tool: credited },
        profile,
        { oldSources, plan },
      );
      const summaryRow = repos.documents.summary(documentId)!;
      return {
        document: withImportStructure(deps.db, { ...summaryRow, paragraphs: repos.paragraphs.listByDocument(documentId) }),
        summary,
      };
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
    async listArchivedParagraphs({ documentId }) {
      requireDocument(documentId);
      return importing.archived(documentId).map(({ paragraphId, oldPosition, source, target, status, archivedAt }) => ({
        paragraphId,
        oldNumber: oldPosition + 1,
        source,
        target,
        status,
        archivedAt,
      }));
    },
  };
}
