/**
 * The one way a document leaves a library, whoever deletes it (the person here, or a team
 * member whose deletion is applied by sync): a row in `library_deletions` (the tombstone with
 * every paragraph's text hashes, never the texts) and the `document-deleted` entry of the audit
 * chain, then the document with its paragraphs and revisions. Call inside a transaction; the
 * rules (who may delete) are the caller's.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { LibraryItem } from '../../shared/features/libraryApi.js';
import type { Paragraph, Role } from '../../shared/types.js';
import { documentDeletedPayload } from '../db/audit/auditEntries.js';
import { appendAuditEntry } from '../db/repositories/audit/auditRepo.js';
import type { Repositories } from '../db/repositories/index.js';
import type { LibraryRepo } from '../db/repositories/library/libraryRepo.js';

/** Who deletes: a local profile, or a team member (no local profile). */
export interface Deleter {
  profileId: string | null;
  name: string;
  role: Role;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** What the tombstone keeps of the paragraphs: hashes of their texts, never the texts. */
function paragraphHashes(paragraphs: readonly Paragraph[]): string {
  return JSON.stringify(
    paragraphs.map((p) => ({ n: p.index + 1, source: sha256(p.source), target: sha256(p.target), signedOff: p.status === 'signed-off' })),
  );
}

export function deleteDocumentWithRecord(
  db: Database.Database,
  repos: Pick<Repositories, 'paragraphs' | 'documents'>,
  library: LibraryRepo,
  item: LibraryItem,
  by: Deleter,
  at: string,
): void {
  const paragraphs = repos.paragraphs.listByDocument(item.id);
  const hashes = paragraphHashes(paragraphs);
  library.recordDeletion({
    documentId: item.id,
    title: item.title,
    sourceLang: item.sourceLang,
    targetLang: item.targetLang,
    importedAt: item.importedAt,
    ...library.deletionCounts(item.id),
    profileId: by.profileId,
    authorName: by.name,
    role: by.role,
    deletedAt: at,
    paragraphHashes: hashes,
    contentSha256: sha256(hashes),
  });
  // Issue 12: the deletion joins the audit chain, with every paragraph's text hashes (the revisions go with the document).
  appendAuditEntry(db, {
    kind: 'document-deleted',
    documentId: item.id,
    paragraphId: null,
    revisionId: null,
    build: () => ({
      payload: documentDeletedPayload({
        documentId: item.id,
        title: item.title,
        profileId: by.profileId,
        author: by.name,
        role: by.role,
        at,
        paragraphs,
      }),
    }),
  });
  repos.documents.delete(item.id);
}
