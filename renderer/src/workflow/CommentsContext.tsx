/**
 * The comments of the open document, read once (a query) and shared by every row (threads, counts,
 * filter); a comment added or resolved is written into the cached list from the server's answer.
 */
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Comment } from '../../../shared/features/workflowApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';

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
const NO_COMMENTS: Comment[] = [];

export function CommentsProvider({ documentId, children }: { documentId: string; children: ReactNode }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const key = useMemo(() => queryKeys.documentPart(documentId, 'comments'), [documentId]);
  const query = useQuery({ queryKey: key, queryFn: () => api.listComments({ documentId }) });
  const comments = query.data ?? NO_COMMENTS;
  const loadError = query.data ? null : query.error;

  const add = useCallback(
    async (paragraphId: string, body: string) => {
      const comment = await api.addComment({ paragraphId, body });
      queryClient.setQueryData<Comment[]>(key, (list = []) => [...list, comment]);
    },
    [api, queryClient, key],
  );
  const setResolved = useCallback(
    async (commentId: string, resolved: boolean) => {
      const comment = await api.setCommentResolved({ commentId, resolved });
      queryClient.setQueryData<Comment[]>(key, (list = []) => list.map((c) => (c.id === comment.id ? comment : c)));
    },
    [api, queryClient, key],
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
