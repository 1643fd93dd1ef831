/** The comments of the open document, loaded once and shared by every row (threads, counts, filter). */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Comment } from '../../../shared/features/workflowApi.js';
import { useApi } from '../api/ApiProvider.js';

interface CommentsValue {
  byParagraph: ReadonlyMap<string, Comment[]>;
  add: (paragraphId: string, body: string) => Promise<void>;
  setResolved: (commentId: string, resolved: boolean) => Promise<void>;
  loadError: unknown;
}

const EMPTY: CommentsValue = {
  byParagraph: new Map(),
  add: async () => undefined,
  setResolved: async () => undefined,
  loadError: null,
};

const CommentsContext = createContext<CommentsValue>(EMPTY);

export function CommentsProvider({ documentId, children }: { documentId: string; children: ReactNode }) {
  const api = useApi();
  const [comments, setComments] = useState<Comment[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    api.listComments({ documentId }).then(
      (list) => live && setComments(list),
      (err: unknown) => live && setLoadError(err),
    );
    return () => {
      live = false;
    };
  }, [api, documentId]);

  const add = useCallback(
    async (paragraphId: string, body: string) => {
      const comment = await api.addComment({ paragraphId, body });
      setComments((list) => [...list, comment]);
    },
    [api],
  );
  const setResolved = useCallback(
    async (commentId: string, resolved: boolean) => {
      const comment = await api.setCommentResolved({ commentId, resolved });
      setComments((list) => list.map((c) => (c.id === comment.id ? comment : c)));
    },
    [api],
  );
  const byParagraph = useMemo(() => {
    const m = new Map<string, Comment[]>();
    for (const c of comments) m.set(c.paragraphId, [...(m.get(c.paragraphId) ?? []), c]);
    return m;
  }, [comments]);
  const value = useMemo(() => ({ byParagraph, add, setResolved, loadError }), [byParagraph, add, setResolved, loadError]);
  return <CommentsContext.Provider value={value}>{children}</CommentsContext.Provider>;
}

export function useComments(): CommentsValue {
  return useContext(CommentsContext);
}
