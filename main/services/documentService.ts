/** Importing, listing, reading and deleting documents. */
import type { ImportDocumentInput, VersoApi } from '../../shared/api.js';
import { normalizeLanguageTag } from '../../shared/languages.js';
import { LIMITS } from '../../shared/schemas.js';
import { deriveTitle, looksBinary, segmentText } from '../../shared/segment.js';
import type { DocumentDetail, Paragraph, Segment, SourceFormat } from '../../shared/types.js';
import type { DocumentRecord } from '../db/repositories/index.js';
import { requireProfile, type ServiceDeps } from './context.js';
import { ServiceError } from './serviceError.js';

const EXTENSIONS: Readonly<Record<string, SourceFormat>> = { txt: 'txt', text: 'txt', md: 'md', markdown: 'md' };

function checkLanguage(tag: string, which: 'source' | 'target'): string {
  const normalized = normalizeLanguageTag(tag);
  if (normalized === null) {
    throw new ServiceError('LANGUAGE_UNKNOWN', `Unknown ${which} language: "${tag.slice(0, 40)}".`, { tag: tag.slice(0, 40) });
  }
  return normalized;
}

function tooLarge(bytes: number): ServiceError {
  return new ServiceError(
    'IMPORT_TOO_LARGE',
    `The article is too large (${bytes} bytes; at most ${LIMITS.importBytes} bytes can be imported).`,
    { limitBytes: LIMITS.importBytes, sizeBytes: bytes },
  );
}

function binary(): ServiceError {
  return new ServiceError('IMPORT_BINARY', 'This file is not UTF-8 text (it looks like binary data or another encoding).');
}

/** The text and format of an import, or a ServiceError for bad input. */
export function readImportSource(source: ImportDocumentInput['source']): { text: string; format: SourceFormat } {
  if (source.kind === 'text') {
    const bytes = Buffer.byteLength(source.text, 'utf8');
    if (bytes > LIMITS.importBytes) throw tooLarge(bytes);
    if (looksBinary(source.text)) throw binary();
    return { text: source.text, format: source.format };
  }
  const ext = /\.([^./\\]+)$/.exec(source.fileName)?.[1]?.toLowerCase() ?? '';
  const format = EXTENSIONS[ext];
  if (!format) {
    throw new ServiceError(
      'IMPORT_UNSUPPORTED_FORMAT',
      `Verso imports plain text (.txt) and Markdown (.md) files, not "${source.fileName.slice(0, 100)}".`,
      { fileName: source.fileName.slice(0, 255), extension: ext },
    );
  }
  const base64 = source.dataBase64.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 === 1) {
    throw new ServiceError('BAD_REQUEST', 'The file data is not valid base64.');
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > LIMITS.importBytes) throw tooLarge(bytes.length);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw binary();
  }
  if (looksBinary(text)) throw binary();
  return { text, format };
}

export function createDocumentService(
  deps: ServiceDeps,
): Pick<VersoApi, 'importDocument' | 'listDocuments' | 'getDocument' | 'deleteDocument'> {
  const { repos } = deps;

  function detail(documentId: string): DocumentDetail {
    const summary = repos.documents.summary(documentId);
    if (!summary) throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document does not exist (it may have been deleted).', { documentId });
    return { ...summary, paragraphs: repos.paragraphs.listByDocument(documentId) };
  }

  const store = deps.db.transaction(
    (doc: DocumentRecord, segments: Segment[], author: { id: string; name: string; role: 'translator' | 'editor' }) => {
      repos.documents.insert(doc);
      segments.forEach((seg, index) => {
        const paragraph: Paragraph = {
          id: deps.newId(),
          documentId: doc.id,
          index,
          kind: seg.kind,
          marker: seg.marker,
          source: seg.text,
          target: '',
          status: 'new',
          mt: null,
          signOff: null,
          updatedAt: doc.createdAt,
        };
        repos.paragraphs.insert(paragraph);
        repos.revisions.insert({
          paragraphId: paragraph.id,
          documentId: doc.id,
          profileId: author.id,
          authorName: author.name,
          role: author.role,
          origin: 'import',
          action: 'import',
          mtEngine: null,
          beforeText: null,
          afterText: seg.text,
          statusBefore: null,
          statusAfter: 'new',
          createdAt: doc.createdAt,
        });
      });
    },
  );

  return {
    async importDocument(input) {
      const profile = requireProfile(deps);
      const sourceLang = checkLanguage(input.sourceLang, 'source');
      const targetLang = checkLanguage(input.targetLang, 'target');
      if (sourceLang === targetLang) {
        throw new ServiceError('LANGUAGE_SAME', 'The source and target languages must differ.', { tag: sourceLang });
      }
      const { text, format } = readImportSource(input.source);
      const segments = segmentText(text, format);
      if (segments.length === 0) throw new ServiceError('IMPORT_EMPTY', 'The article has no text to translate.');
      const title = input.title?.trim() || deriveTitle(segments);
      const at = deps.now().toISOString();
      const doc: DocumentRecord = {
        id: deps.newId(),
        title,
        sourceLang,
        targetLang,
        sourceFormat: format,
        createdAt: at,
        updatedAt: at,
      };
      store(doc, segments, profile);
      return detail(doc.id);
    },
    async listDocuments() {
      return repos.documents.list();
    },
    async getDocument({ documentId }) {
      return detail(documentId);
    },
    async deleteDocument({ documentId }) {
      requireProfile(deps);
      if (!repos.documents.get(documentId)) {
        throw new ServiceError('DOCUMENT_NOT_FOUND', 'This document does not exist (it may have been deleted).', { documentId });
      }
      // A running MT job is cancelled; results still in flight are dropped (aborted signal, and
      // the paragraphs are gone), so there is no need to wait for the engine to stop.
      const running = deps.jobs.runningFor(documentId);
      if (running) deps.jobs.cancel(running);
      repos.documents.delete(documentId);
      return { deleted: true };
    },
  };
}
