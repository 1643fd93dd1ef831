/**
 * Paragraphs a re-import reopened, read once per document (a query; a re-import invalidates it,
 * editor/EditorView), so every row can show how its source changed and the translation it had.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ReopenedParagraph } from '../../../shared/features/importingApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';

const ReopenedContext = createContext<ReadonlyMap<string, ReopenedParagraph>>(new Map());
const NONE: ReopenedParagraph[] = [];

export function ReopenedProvider({ documentId, children }: { documentId: string; children: ReactNode }) {
  const api = useApi();
  const query = useQuery({
    queryKey: queryKeys.documentPart(documentId, 'reopened'),
    queryFn: () => api.listReopenedParagraphs({ documentId }),
  });
  // Only a hint beside the rows: without it (not read yet, or reading failed) the editor still works.
  const list = query.isError ? NONE : (query.data ?? NONE);
  const byId = useMemo(() => new Map(list.map((r) => [r.paragraphId, r])), [list]);
  return <ReopenedContext.Provider value={byId}>{children}</ReopenedContext.Provider>;
}

export function useReopened(paragraphId: string): ReopenedParagraph | null {
  return useContext(ReopenedContext).get(paragraphId) ?? null;
}
