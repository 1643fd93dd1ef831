/**
 * Importing, listing, reading and deleting documents. Files are parsed by the import pipeline
 * (main/import/) in a worker thread; a document is stored in one transaction, so a refused or
 * failed import leaves the library exactly as it was.
 */
import type { ImportDocumentInput, ImportSource, VersoApi } from '../../shared/api.js';
import type { ImportedSegment, ImportedTarget, ParsedImport } from '../../shared/import/importedDocument.js';
import { renderPlainText } from '../../shared/inline/renderInline.js';
import { canonicalLanguageTag } from '../../shared/languages.js';
import { deriveTitle } from '../../shared/segment.js';
import type { DocumentDetail, MtRecord, Paragraph, Profile, Segment } from '../../shared/types.js';
import { provenanceRepoFor } from '../db/repositories/provenance/provenanceRepo.js';
import { createImportingRepo } from '../db/repositories/importing/importingRepo.js';
import type { InlineCode } from '../../shared/inline/inlineCodes.js';
import type { DocumentRecord } from '../db/repositories/index.js';
import type { NewRevision } from '../db/repositories/revisionsRepo.js';
import { createImportRunner, type DocumentJob, type ImportRunner } from '../import/importRunner.js';
import { bundledWorkerFile } from '../import/importWorkers.js';
import { requireProfile, type ServiceDeps } from './context.js';
import { ServiceError } from '../core/serviceError.js';
import { LIMITS } from '../../shared/limits.js';
import { deleteDocumentRecorded } from './features/library.js';
import { cleanImportedTitle } from '../../shared/textHygiene.js';
import { saveImportStructure, withImportStructure, withPlaces } from './importStructure.js';
import { fileLanguageMismatch } from '../../shared/import/fileLanguages.js';
import { captureDocument } from '../team/local/captureDocument.js';
import { withAuditHeadKept } from '../db/repositories/audit/auditRepo.js';
import { withRevisionLinksGathered } from '../db/audit/revisionLinks.js';
import { withCaptureStateKept } from '../team/local/captureSwitch.js';

/** Refuses a file whose declared languages (XLIFF) contradict the document's: never relabelled silently. */
export function checkFileLanguages(parsed: ParsedImport, chosen: { sourceLang: string; targetLang: string }): void {
  const mismatch = fileLanguageMismatch(parsed, chosen);
  if (!mismatch) return;
  throw new ServiceError(
    'IMPORT_LANGUAGE_MISMATCH',
    `The file is in ${mismatch.fileSourceLang}→${mismatch.fileTargetLang}, not ${mismatch.sourceLang}→${mismatch.targetLang}.`,
    { ...mismatch },
  );
}

export function checkLanguage(tag: string, which: 'source' | 'target'): string {
  // Any valid BCP 47 tag (issue 14), in its canonical form: en-US, es-MX, fr-CA, de-CH…
  const normalized = canonicalLanguageTag(tag);
  if (normalized === null) {
    throw new ServiceError('LANGUAGE_UNKNOWN', `Not a valid ${which} language tag (BCP 47): "${tag.slice(0, 40)}".`, {
      tag: tag.slice(0, 40),
    });
  }
  return normalized;
}

/** The parse job for an API import source (base64 checked and decoded here). */
export function importJob(source: ImportSource): DocumentJob {
  const extract = source.extract ? { extract: source.extract } : {};
  if (source.kind === 'text') return { kind: 'text', text: source.text, format: source.format, ...extract };
  const base64 = source.dataBase64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 === 1) {
    throw new ServiceError('BAD_REQUEST', 'The file data is not valid base64.');
  }
  return { kind: 'file', fileName: source.fileName, bytes: new Uint8Array(Buffer.from(base64, 'base64')), ...extract };
}

/** Engine id under which a translation made elsewhere is recorded (shown in the footer's engine list). */
export function importedEngineId(tool: string | null): string {
  return tool && tool.trim() !== '' ? tool.trim().slice(0, 100) : 'unknown';
}

/** The MT record of an imported target whose origin is machine translation, else null. */
export function importedMt(target: ImportedTarget, doc: Pick<DocumentRecord, 'sourceLang' | 'targetLang'>, at: string): MtRecord | null {
  const origin = target.origin;
  if (origin?.kind !== 'mt') return null;
  return {
    // A raw MT target is its own MT text; a finished one keeps the candidate it started from, when the file has it.
    text: target.state === 'mt' ? target.text : origin.mtText || target.text,
    engineId: importedEngineId(origin.engineId ?? origin.engineName ?? target.tool),
    engineVersion: origin.engineVersion ?? 'imported',
    sourceLang: doc.sourceLang,
    targetLang: doc.targetLang,
    createdAt: origin.at ?? at,
    unknownWords: [],
  };
}

/**
 * Inserts one imported paragraph at `index` with its import revision and, for a translation made
 * elsewhere, its target: as untouched MT ('machine') or as confirmed text ('translated'). Call inside
 * a transaction that is rolled back whole on any error (an import, a re-import).
 */
export function insertImportedParagraph(
  deps: ServiceDeps,
  doc: Pick<DocumentRecord, 'id' | 'sourceLang' | 'targetLang'>,
  seg: ImportedSegment,
  index: number,
  author: Profile,
  at: string,
): Paragraph {
  const target = seg.target;
  const mt = target ? importedMt(target, doc, at) : null;
  const paragraph: Paragraph = {
    id: deps.newId(),
    documentId: doc.id,
    index,
    kind: seg.kind,
    marker: seg.marker,
    source: seg.text,
    target: target?.text ?? '',
    // As a read gives it back (paragraphsRepo.ts): only paragraphs with inline markup carry the field.
    ...(seg.codes && seg.codes.length > 0 ? { codes: seg.codes } : {}),
    status: target === null ? 'new' : target.state === 'mt' && mt ? 'machine' : target.state === 'confirmed' ? 'translated' : 'edited',
    mt,
    signOff: null,
    // translate="no" in the file: excluded from translation from the start (issue 11).
    ...(seg.excluded ? { excluded: { at, name: author.name, role: author.role, origin: 'import' as const } } : {}),
    updatedAt: at,
  };
  deps.repos.paragraphs.insert(paragraph);
  // Who and when first, then the revision's own fields (`{ ...who, newKey }` is a slow copy in V8: revisionsRepo.ts).
  const by = (
    fields: Omit<NewRevision, 'profileId' | 'authorName' | 'role' | 'createdAt' | 'paragraphId' | 'documentId'>,
  ): NewRevision => ({
    profileId: author.id,
    authorName: author.name,
    role: author.role,
    createdAt: at,
    paragraphId: paragraph.id,
    documentId: doc.id,
    ...fields,
  });
  deps.repos.revisions.insertInTransaction(
    by({
      origin: 'import',
      action: 'import',
      mtEngine: null,
      beforeText: null,
      afterText: seg.text,
      statusBefore: null,
      statusAfter: 'new',
    }),
  );
  if (target) {
    // Issue 12: an origin the MT record cannot hold (unknown, human, TM) is kept beside the paragraph.
    const origin = target.origin?.kind ?? 'unknown';
    if (origin !== 'mt') provenanceRepoFor(deps.db).record(paragraph.id, origin, target.tool, at);
    const isMt = paragraph.status === 'machine';
    deps.repos.revisions.insertInTransaction(
      by({
        origin: isMt ? 'mt' : 'import',
        action: isMt ? 'mt' : target.state === 'confirmed' ? 'confirm' : 'edit',
        mtEngine: isMt ? (mt?.engineId ?? null) : null,
        beforeText: '',
        afterText: target.text,
        statusBefore: 'new',
        statusAfter: paragraph.status,
      }),
    );
  }
  if (seg.excluded) {
    const text = target?.text ?? '';
    deps.repos.revisions.insertInTransaction(
      by({
        origin: 'import',
        action: 'exclude',
        mtEngine: null,
        beforeText: text,
        afterText: text,
        statusBefore: paragraph.status,
        statusAfter: paragraph.status,
      }),
    );
  }
  return paragraph;
}

function titleSegments(parsed: ParsedImport): Segment[] {
  if (parsed.title) return [{ kind: 'heading', marker: '1', text: parsed.title }];
  return parsed.segments.map((s) => ({ ...s, text: renderPlainText(s.text, s.codes ?? []) }));
}

/** Stores a parsed import as a new document in one transaction; returns its id and its paragraphs as stored. */
export function storeImportedDocument(
  deps: ServiceDeps,
  input: {
    parsed: ParsedImport;
    fileName: string | null;
    sourceLang: string;
    targetLang: string;
    title?: string | undefined;
    author: Profile;
  },
): { id: string; paragraphs: Paragraph[] } {
  const { parsed, author } = input;
  const at = deps.now().toISOString();
  const doc: DocumentRecord = {
    id: deps.newId(),
    // A title the file shows (an HTML page's headline) before the first heading, which on a web page may be a section label.
    title: input.title?.trim() || cleanImportedTitle(deriveTitle(titleSegments(parsed))).trim() || '',
    sourceLang: input.sourceLang,
    targetLang: input.targetLang,
    sourceFormat: parsed.format === 'md' ? 'md' : 'txt',
    createdAt: at,
    updatedAt: at,
  };
  // One transaction that catches nothing: the audit chain's head and team membership are read once (auditRepo.ts, captureSwitch.ts),
  // and the revisions share one audit link (revisionLinks.ts).
  const paragraphs = deps.db.transaction(() =>
    withAuditHeadKept(deps.db, () =>
      withRevisionLinksGathered(deps.db, () =>
        withCaptureStateKept(deps.db, () => {
          deps.repos.documents.insert(doc);
          createImportingRepo(deps.db).saveSource({
            documentId: doc.id,
            format: parsed.format,
            fileName: input.fileName,
            encoding: parsed.encoding,
            importedAt: at,
            htmlExtract: parsed.extract ?? null,
          });
          const written = parsed.segments.map((seg, index) => insertImportedParagraph(deps, doc, seg, index, author, at));
          saveImportStructure(deps, doc.id, parsed, written, author, at);
          // Issue 16: in a team, the document as imported goes to the outbox with it.
          captureDocument(deps.db, doc.id, at);
          return written;
        }),
      ),
    ),
  )();
  return { id: doc.id, paragraphs };
}

/** Checks and normalises the language pair of a new document. */
export function checkLanguagePair(source: string, target: string): { sourceLang: string; targetLang: string } {
  const sourceLang = checkLanguage(source, 'source');
  const targetLang = checkLanguage(target, 'target');
  if (sourceLang === targetLang) {
    throw new ServiceError('LANGUAGE_SAME', 'The source and target languages must differ.', { tag: sourceLang });
  }
  return { sourceLang, targetLang };
}

export interface DocumentServiceOptions {
  /** Where files are parsed; default: the bundled worker next to the running entry, else in process. */
  runner?: ImportRunner;
  /** Told each document's paragraphs once parsed, before they are stored (a TMX read ahead for it: tmxPrefillPrepared.ts). */
  onParsed?: (
    pair: { sourceLang: string; targetLang: string },
    paragraphs: readonly { source: string; codes: readonly InlineCode[] }[],
    at: string,
  ) => void;
}

/** What a paragraph is reckoned to weigh in a page, besides its texts (ids, dates, names, JSON keys). */
const PARAGRAPH_OVERHEAD_CHARS = 400;

/** The leading paragraphs whose text fits in `budget` characters; always at least one. */
export function withinTextBudget(paragraphs: readonly Paragraph[], budget: number): Paragraph[] {
  let used = 0;
  let end = 0;
  for (const p of paragraphs) {
    used += p.source.length + p.target.length + (p.mt?.text.length ?? 0) + PARAGRAPH_OVERHEAD_CHARS;
    if (used > budget && end > 0) break;
    end++;
  }
  return paragraphs.slice(0, end);
}

export function createDocumentService(
  deps: ServiceDeps,
  options: DocumentServiceOptions = {},
): Pick<VersoApi, 'importDocument' | 'listDocuments' | 'getDocument' | 'getParagraphPage' | 'deleteDocument'> {
  const { repos } = deps;
  const runner = options.runner ?? createImportRunner({ workerFile: bundledWorkerFile() });

  /** The document with `paragraphs` (default: read; an import gives those it has just written, as a read would give them). */
  function detail(documentId: string, paragraphs?: Paragraph[]): DocumentDetail {
    const summary = repos.documents.summary(documentId);
    if (!summary) throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document does not exist (it may have been deleted).', { documentId });
    return withImportStructure(deps.db, { ...summary, paragraphs: paragraphs ?? repos.paragraphs.listByDocument(documentId) });
  }

  return {
    async importDocument(input: ImportDocumentInput) {
      const profile = requireProfile(deps);
      const { sourceLang, targetLang } = checkLanguagePair(input.sourceLang, input.targetLang);
      const parsed = await runner.parse(importJob(input.source));
      checkFileLanguages(parsed, { sourceLang, targetLang });
      options.onParsed?.(
        { sourceLang, targetLang },
        // As each is stored (insertImportedParagraph).
        parsed.segments.map((s) => ({ source: s.text, codes: s.codes ?? [] })),
        deps.now().toISOString(),
      );
      const fileName = input.source.kind === 'file' ? input.source.fileName.slice(0, 255) : null;
      const stored = storeImportedDocument(deps, { parsed, fileName, sourceLang, targetLang, title: input.title, author: profile });
      return detail(stored.id, stored.paragraphs);
    },
    async listDocuments() {
      return repos.documents.list();
    },
    async getDocument({ documentId }) {
      return detail(documentId);
    },
    async getParagraphPage({ documentId, from, limit }) {
      if (!repos.documents.summary(documentId)) {
        throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document does not exist (it may have been deleted).', { documentId });
      }
      const wanted = Math.min(limit ?? LIMITS.paragraphPageDefault, LIMITS.paragraphPage);
      // One row more than the page tells whether another page follows.
      const rows = repos.paragraphs.listFrom(documentId, from, wanted + 1);
      const paragraphs = withinTextBudget(rows.slice(0, wanted), LIMITS.paragraphPageChars);
      const following = rows[paragraphs.length];
      return {
        paragraphs: withPlaces(deps.db, paragraphs),
        next: following ? following.index : null,
        total: repos.paragraphs.countInDocument(documentId),
      };
    },
    async deleteDocument({ documentId }) {
      // The library's rules (sign-offs: editors only) and its deletion record (features/library.ts).
      deleteDocumentRecorded(deps, documentId);
      return { deleted: true };
    },
  };
}
