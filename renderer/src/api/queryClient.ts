/**
 * Server state (TanStack Query): one cache per app, keyed as below, so views that show the same
 * data share one request, a change (mutation) refreshes what it changed, and job events refresh
 * what a job changed (api/jobs.tsx).
 */
import { QueryClient, notifyManager, type QueryKey } from '@tanstack/react-query';
import type { JobProgress } from '../../../shared/types.js';
import type { EngineSettings } from '../../../shared/features/enginesApi.js';

/**
 * The defaults keep what the hand-written loads did: an error is shown at once (no retries), no
 * refetch on window focus or reconnect (a 10,000-paragraph document is not read again because the
 * window got focus), and a view opened again reads afresh (`gcTime: 0`: data lives in the cache
 * while some view shows it).
 */
export function createQueryClient(): QueryClient {
  // A change reaches the views in the same task, as a state update did (not a timer later: the
  // editor's rows learn of an accepted save before the next keystroke or timer runs).
  notifyManager.setScheduler(queueMicrotask);
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, gcTime: 0 },
      mutations: { retry: false },
    },
  });
}

/** Every cache key the renderer uses: one place, so invalidations and queries agree. */
export const queryKeys = {
  /** Everything about one document: its detail and, below it, what is derived from its paragraphs. */
  documentAll: (documentId: string) => ['document', documentId] as const,
  /** The document with its paragraphs (the editor keeps it current with each accepted change). */
  document: (documentId: string) => ['document', documentId, 'detail'] as const,
  documentPart: (documentId: string, part: string, ...rest: ReadonlyArray<string | number>) =>
    ['document', documentId, part, ...rest] as const,
  engines: (sourceLang: string, targetLang: string) => ['engines', 'list', sourceLang, targetLang] as const,
  engineChoices: (sourceLang: string, targetLang: string, refresh: number) =>
    ['engines', 'choices', sourceLang, targetLang, refresh] as const,
  library: () => ['library'] as const,
  /** The person using Verso (null: none set up yet). */
  profile: () => ['profile'] as const,
  profiles: () => ['profiles'] as const,
  deletionCheck: (documentId: string) => ['deletionCheck', documentId] as const,
  /** Everything about engines: their settings, and (below `engines`) lists and choices per pair. */
  enginesAll: () => ['engines'] as const,
  engineSettings: () => ['engines', 'settings'] as const,
  /** The publisher details and footer policy. */
  settings: () => ['settings', 'detail'] as const,
  /** The disclosure footer templates per language (vetted and the publication's own). */
  footerTemplates: () => ['settings', 'footerTemplates'] as const,
  settingsChanges: (refresh: number) => ['settings', 'changes', refresh] as const,
  libraryCheck: () => ['libraryCheck'] as const,
  /** The library's backups and how many are kept. */
  backups: () => ['backups'] as const,
  signingKey: () => ['signingKey'] as const,
  memorySettings: () => ['memory', 'settings'] as const,
  tmStats: (sourceLang: string, targetLang: string) => ['memory', 'stats', sourceLang, targetLang] as const,
  /** One library entry (whether the document exists), checked once when it is opened. */
  libraryItem: (documentId: string) => ['libraryItem', documentId] as const,
  documentGlossary: (documentId: string) => ['glossary', 'document', documentId] as const,
  /** Everything glossary: the pairs with terms, each pair's terms, each document's matches. */
  glossaryAll: () => ['glossary'] as const,
  glossaryPairs: () => ['glossary', 'pairs'] as const,
  glossaryTerms: (sourceLang: string, targetLang: string) => ['glossary', 'terms', sourceLang, targetLang] as const,
  paragraphHistory: (paragraphId: string, version: string) => ['paragraph', paragraphId, 'history', version] as const,
  tmProvenance: (paragraphId: string, version: string) => ['paragraph', paragraphId, 'tmProvenance', version] as const,
  tmMatches: (paragraphId: string, source: string) => ['paragraph', paragraphId, 'tmMatches', source] as const,
  /** Team sync (issue 16): the status line (polled), a document's conflicts, the documents assigned to me. */
  teamAll: () => ['team'] as const,
  teamStatus: () => ['team', 'status'] as const,
  teamConflicts: (documentId: string) => ['team', 'conflicts', documentId] as const,
  teamAssignments: () => ['team', 'assignments'] as const,
  teamDocumentAssignment: (documentId: string) => ['team', 'assignment', documentId] as const,
  teamMembers: () => ['team', 'members'] as const,
} satisfies Record<string, (...args: never[]) => QueryKey>;

/**
 * The queries under `queryKey` read again after the server wrote and said so. A read already under
 * way is not restarted (a view that reloads at the same moment shares the one request), but it may
 * have begun before the write: its answer would then be taken as fresh and the write never shown.
 * So when one was under way, they are read once more after it ends.
 */
async function readAfterWrite(queryClient: QueryClient, queryKey: QueryKey): Promise<void> {
  const underWay = queryClient.isFetching({ queryKey }) > 0;
  await queryClient.invalidateQueries({ queryKey }, { cancelRefetch: false });
  if (underWay) await queryClient.invalidateQueries({ queryKey }, { cancelRefetch: false });
}

/**
 * What a job's end (done, cancelled or failed) invalidates: the document it worked on (paragraphs,
 * and what is derived from them) and the library (progress per document), read after the job's writes.
 */
export function invalidateAfterJob(queryClient: QueryClient, progress: JobProgress): Promise<void> | null {
  if (progress.state === 'running' || progress.documentId === null) return null;
  return Promise.all([
    readAfterWrite(queryClient, queryKeys.documentAll(progress.documentId)),
    readAfterWrite(queryClient, queryKeys.library()),
  ]).then(() => undefined);
}

/** Team sync applied other members' changes to these documents: they, the library and the team's lists are read again. */
export function invalidateAfterTeamChange(queryClient: QueryClient, documentIds: readonly string[]): Promise<void> {
  return Promise.all([
    ...documentIds.map((id) => readAfterWrite(queryClient, queryKeys.documentAll(id))),
    readAfterWrite(queryClient, queryKeys.library()),
    readAfterWrite(queryClient, queryKeys.teamAll()),
  ]).then(() => undefined);
}

/**
 * Engine settings were saved (the server's answer is written into the cache): which engines can
 * translate a pair may have changed, so every engine list and choice is read again.
 */
export function engineSettingsSaved(queryClient: QueryClient, saved: EngineSettings): Promise<void> {
  queryClient.setQueryData(queryKeys.engineSettings(), saved);
  return queryClient.invalidateQueries({ queryKey: queryKeys.enginesAll(), predicate: (q) => q.queryKey[1] !== 'settings' });
}
