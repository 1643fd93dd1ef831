/**
 * The library list for a query and a sort, from `listLibrary` (a query, api/queryClient; typing is
 * debounced; the old list stays until the new one arrives, and when reading fails).
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { LibraryItem, LibrarySort } from '../../../shared/features/libraryApi.js';
import { useApi } from '../api/ApiProvider.js';
import { queryKeys } from '../api/queryClient.js';
import { useKept } from '../api/useKept.js';

const TYPING_DELAY_MS = 150;

export interface LibraryList {
  items: LibraryItem[] | null;
  error: unknown;
  /** The query the shown items answer. */
  shownQuery: string;
  reload: () => void;
  /** Replaces or removes one item at once (after a rename or a deletion), before the reload. */
  patch: (id: string, item: LibraryItem | null) => void;
}

interface Answer {
  query: string;
  items: LibraryItem[];
}

/** The search text once typing paused (at once when it was cleared). */
function useTypedQuery(query: string): string {
  const trimmed = query.trim();
  const [settled, setSettled] = useState(trimmed);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(trimmed), trimmed === '' ? 0 : TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [trimmed]);
  return settled;
}

export function useLibrary(query: string, sort: LibrarySort): LibraryList {
  const api = useApi();
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const typed = useTypedQuery(query);
  const list = useQuery({
    queryKey: [...queryKeys.library(), 'list', typed, sort, locale],
    queryFn: async (): Promise<Answer> => ({ query: typed, items: await api.listLibrary({ query: typed, sort, locale }) }),
  });
  const shown = useKept(list.data);
  const reload = useCallback(() => void queryClient.invalidateQueries({ queryKey: queryKeys.library() }), [queryClient]);
  const patch = useCallback(
    (id: string, item: LibraryItem | null) =>
      queryClient.setQueriesData<Answer>(
        { queryKey: [...queryKeys.library(), 'list'] },
        (answer) =>
          answer && {
            ...answer,
            items: item ? answer.items.map((i) => (i.id === id ? item : i)) : answer.items.filter((i) => i.id !== id),
          },
      ),
    [queryClient],
  );
  return { items: shown?.items ?? null, error: list.error, shownQuery: shown?.query ?? '', reload, patch };
}
