/**
 * Services of `LibraryApi`: search and sort, one item, rename, what a deletion would remove, and
 * the deletion record. `deleteDocumentRecorded` is the one way a document is deleted (the core
 * `deleteDocument` calls it): a document that ever had a sign-off is deleted only by an editor,
 * and every deletion leaves a row in `library_deletions` in the same transaction.
 */
import type { DeletionCheck, DeletionRefusal, LibraryItem, LibrarySort } from '../../../shared/features/libraryApi.js';
import type { LibraryApi } from '../../../shared/features/libraryContract.js';
import { checkTitle, foldForSearch } from '../../../shared/features/libraryTitle.js';
import { languageInfoOrBase } from '../../../shared/languages.js';
import type { Profile } from '../../../shared/types.js';
import { createLibraryRepo, type LibraryRepo } from '../../db/repositories/library/libraryRepo.js';
import { requireProfile, type ServiceDeps } from '../context.js';
import { ServiceError } from '../../core/serviceError.js';
import { deleteDocumentWithRecord } from '../../library/documentDeletion.js';
import { captureDocumentDeletion, teamRefusesDeletion } from '../../team/local/captureDeletion.js';

function notFound(documentId: string): ServiceError {
  return new ServiceError('DOCUMENT_NOT_FOUND', 'This document does not exist (it may have been deleted).', { documentId });
}

/** Names of a language to search in: its tag, English and own names, and its name in `locale`. */
function languageTerms(tag: string, localName: (tag: string) => string | undefined): string {
  // A regional tag (es-MX) is found by its language's names too (and its own, via Intl).
  const info = languageInfoOrBase(tag);
  return [tag, info?.englishName, info?.nativeName, localName(tag)].filter((v) => v !== undefined).join(' ');
}

function localNamer(locale: string): (tag: string) => string | undefined {
  let names: Intl.DisplayNames | null = null;
  try {
    names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
  } catch {
    names = null;
  }
  return (tag) => {
    try {
      return names?.of(tag) ?? undefined;
    } catch {
      return undefined;
    }
  };
}

/** Items whose title, file name or languages contain every word of the query. */
export function filterLibrary(items: readonly LibraryItem[], query: string, locale: string): LibraryItem[] {
  const words = foldForSearch(query)
    .split(' ')
    .filter((w) => w !== '');
  if (words.length === 0) return [...items];
  const localName = localNamer(locale);
  return items.filter((item) => {
    const haystack = foldForSearch(
      [item.title, item.fileName ?? '', languageTerms(item.sourceLang, localName), languageTerms(item.targetLang, localName)].join(
        ' \u0000 ',
      ),
    );
    return words.every((w) => haystack.includes(w));
  });
}

export function sortLibrary(items: LibraryItem[], sort: LibrarySort, locale: string): LibraryItem[] {
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator([locale], { sensitivity: 'base', numeric: true });
  } catch {
    collator = new Intl.Collator(['en'], { sensitivity: 'base', numeric: true });
  }
  const byChange = (a: LibraryItem, b: LibraryItem) => (a.changedAt === b.changedAt ? 0 : a.changedAt > b.changedAt ? -1 : 1);
  // Ties: the newer import first, then the id, so the order never flickers.
  const tie = (a: LibraryItem, b: LibraryItem) =>
    a.importedAt === b.importedAt ? (a.id < b.id ? -1 : 1) : a.importedAt > b.importedAt ? -1 : 1;
  return items.sort((a, b) =>
    sort === 'title' ? collator.compare(a.title, b.title) || byChange(a, b) || tie(a, b) : byChange(a, b) || tie(a, b),
  );
}

/** What the deletion would remove, and whether this profile may: the sign-off rule first, then the team's (captureDeletion.ts). */
function deletionCheck(deps: ServiceDeps, repo: LibraryRepo, item: LibraryItem, profile: Profile): DeletionCheck {
  const counts = repo.deletionCounts(item.id);
  const refusal: DeletionRefusal | null =
    counts.signOffCount > 0 && profile.role !== 'editor' ? 'signOffs' : teamRefusesDeletion(deps.db, item.id) ? 'team' : null;
  return { documentId: item.id, title: item.title, ...counts, allowed: refusal === null, refusal };
}

/**
 * Deletes a document after the rules, recording it: refused (LIBRARY_DELETE_NEEDS_EDITOR) when the
 * document ever had a sign-off and the current profile is not an editor; a document in the team
 * only by a team editor or admin (TEAM_DELETE_NEEDS_EDITOR, before anything is deleted), and then
 * the deletion goes to the team (main/team/local/captureDeletion.ts). A running MT job of the
 * document is cancelled first.
 */
export function deleteDocumentRecorded(deps: ServiceDeps, documentId: string): void {
  const profile = requireProfile(deps);
  const repo = createLibraryRepo(deps.db);
  deps.db
    .transaction(() => {
      const item = repo.item(documentId);
      if (!item) throw notFound(documentId);
      const check = deletionCheck(deps, repo, item, profile);
      if (check.refusal === 'signOffs') {
        throw new ServiceError(
          'LIBRARY_DELETE_NEEDS_EDITOR',
          `"${item.title.slice(0, 80)}" has ${check.signOffCount} sign-off(s): only an editor can delete it.`,
          { title: item.title.slice(0, 200), signOffs: check.signOffCount },
        );
      }
      const at = deps.now().toISOString();
      captureDocumentDeletion(deps.db, item, at);
      // Results of a running MT job still in flight are dropped (aborted signal, and the paragraphs
      // are gone), so there is no need to wait for the engine to stop.
      const running = deps.jobs.runningFor(documentId);
      if (running) deps.jobs.cancel(running);
      deleteDocumentWithRecord(deps.db, deps.repos, repo, item, { profileId: profile.id, name: profile.name, role: profile.role }, at);
    })
    .immediate();
}

export function createLibraryService(deps: ServiceDeps): LibraryApi {
  const repo = createLibraryRepo(deps.db);
  const item = (documentId: string): LibraryItem => {
    const found = repo.item(documentId);
    if (!found) throw notFound(documentId);
    return found;
  };

  return {
    async listLibrary({ query, sort, locale }) {
      const lang = locale ?? 'en';
      return sortLibrary(filterLibrary(repo.list(), query ?? '', lang), sort ?? 'changed', lang);
    },

    async getLibraryItem({ documentId }) {
      return item(documentId);
    },

    async renameDocument({ documentId, title }) {
      requireProfile(deps);
      const current = item(documentId);
      const checked = checkTitle(title);
      if (!checked.ok) {
        const messages = {
          LIBRARY_TITLE_EMPTY: 'The title is empty.',
          LIBRARY_TITLE_TOO_LONG: `The title is longer than ${checked.limit ?? 0} characters.`,
          LIBRARY_TITLE_INVALID: 'The title holds control or reserved characters.',
        } as const;
        throw ServiceError.withDetails(
          checked.code,
          messages[checked.code],
          checked.limit === undefined ? undefined : { limit: checked.limit },
        );
      }
      if (checked.title === current.title) return current;
      repo.rename(documentId, checked.title, deps.now().toISOString());
      return item(documentId);
    },

    async checkDocumentDeletion({ documentId }) {
      return deletionCheck(deps, repo, item(documentId), requireProfile(deps));
    },

    async listDocumentDeletions() {
      return repo.deletions();
    },
  };
}
