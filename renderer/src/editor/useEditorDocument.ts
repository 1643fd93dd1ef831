/**
 * The open document as server state (TanStack Query, api/queryClient): read once when the editor
 * opens (or handed over by the import), kept current with every change the server accepted
 * (`update`), and read again page by page after a job (`reload`; editor/loadParagraphs).
 */
import { useCallback, useMemo } from 'react';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { DocumentDetail, Paragraph } from '../../../shared/types.js';
import type { ApiClient } from '../api/client.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { loadParagraphs } from './loadParagraphs.js';
import { mergeParagraphs, mergeReloaded, mergeReloadedParagraphs } from './paragraphs.js';

/**
 * Reads the document: whole the first time; afterwards its paragraphs page by page, merged over
 * the document on screen when they arrive (a save that finished meanwhile is kept; unchanged
 * paragraphs keep their identity, so their rows do not re-render).
 */
export async function readDocument(api: ApiClient, queryClient: QueryClient, documentId: string): Promise<DocumentDetail> {
  const key = queryKeys.document(documentId);
  const current = (): DocumentDetail | null => queryClient.getQueryData<DocumentDetail>(key) ?? null;
  if (current()) {
    const fresh = await loadParagraphs(api, documentId);
    const merged = fresh ? mergeReloadedParagraphs(current(), documentId, fresh) : null;
    if (merged) return merged;
  }
  const whole = await api.getDocument({ documentId });
  return mergeReloaded(current(), whole);
}

function documentQuery(api: ApiClient, queryClient: QueryClient, documentId: string) {
  return {
    queryKey: queryKeys.document(documentId),
    queryFn: () => readDocument(api, queryClient, documentId),
    // Changed only by this editor (`update`) and read again when a job ends (api/jobs.tsx).
    staleTime: Infinity,
    // readDocument already keeps what did not change.
    structuralSharing: false,
  } as const;
}

export interface EditorDocument {
  doc: DocumentDetail | null;
  /** Why the document could not be opened (null once it is shown). */
  loadError: unknown;
  /** The document as it is now (also between a change and the next render). */
  current: () => DocumentDetail | null;
  /** Paragraphs the server has accepted, over the document on screen. */
  mergeParagraphs: (paragraphs: readonly Paragraph[]) => void;
  /** A document the server sent whole (after a re-import). */
  replace: (doc: DocumentDetail) => void;
  /** Reads the paragraphs again (sharing a read already running); rejects when that fails. */
  reload: () => Promise<void>;
}

export function useEditorDocument(documentId: string, initial: DocumentDetail | null): EditorDocument {
  const api = useApi();
  const queryClient = useQueryClient();
  const query = useQuery({
    ...documentQuery(api, queryClient, documentId),
    ...(initial && initial.id === documentId ? { initialData: initial } : {}),
  });
  const key = useMemo(() => queryKeys.document(documentId), [documentId]);
  const current = useCallback(() => queryClient.getQueryData<DocumentDetail>(key) ?? null, [queryClient, key]);
  const merge = useCallback(
    (paragraphs: readonly Paragraph[]) => queryClient.setQueryData<DocumentDetail>(key, (d) => (d ? mergeParagraphs(d, paragraphs) : d)),
    [queryClient, key],
  );
  const replace = useCallback((doc: DocumentDetail) => void queryClient.setQueryData(key, doc), [queryClient, key]);
  const reload = useCallback(
    () => queryClient.fetchQuery({ ...documentQuery(api, queryClient, documentId), staleTime: 0 }).then(() => undefined),
    [api, queryClient, documentId],
  );
  const doc = query.data ?? null;
  return { doc, loadError: doc ? null : query.error, current, mergeParagraphs: merge, replace, reload };
}
