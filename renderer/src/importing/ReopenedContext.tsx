/**
 * Paragraphs a re-import reopened, loaded once per document (and again after each re-import), so
 * every row can show how its source changed and the translation it had.
 */
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ReopenedParagraph } from '../../../shared/features/importingApi.js';
import { useApi } from '../api/ApiProvider.js';

const ReopenedContext = createContext<ReadonlyMap<string, ReopenedParagraph>>(new Map());

export function ReopenedProvider({ documentId, version, children }: { documentId: string; version: number; children: ReactNode }) {
  const api = useApi();
  const [list, setList] = useState<ReopenedParagraph[]>([]);
  useEffect(() => {
    let live = true;
    api.listReopenedParagraphs({ documentId }).then(
      (found) => live && setList(found),
      // Only a hint beside the rows: without it the editor still works.
      () => live && setList([]),
    );
    return () => {
      live = false;
    };
  }, [api, documentId, version]);
  const byId = useMemo(() => new Map(list.map((r) => [r.paragraphId, r])), [list]);
  return <ReopenedContext.Provider value={byId}>{children}</ReopenedContext.Provider>;
}

export function useReopened(paragraphId: string): ReopenedParagraph | null {
  return useContext(ReopenedContext).get(paragraphId) ?? null;
}
