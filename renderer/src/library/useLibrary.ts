/** The library list for a query and a sort, from `listLibrary` (typing is debounced; the old list stays until the new one arrives). */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryItem, LibrarySort } from '../../../shared/features/libraryApi.js';
import { useApi } from '../api/ApiProvider.js';

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

export function useLibrary(query: string, sort: LibrarySort): LibraryList {
  const api = useApi();
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const [items, setItems] = useState<LibraryItem[] | null>(null);
  const [shownQuery, setShownQuery] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [version, setVersion] = useState(0);
  const trimmed = query.trim();

  useEffect(() => {
    let live = true;
    const timer = setTimeout(
      () => {
        api.listLibrary({ query: trimmed, sort, locale }).then(
          (list) => {
            if (!live) return;
            setItems(list);
            setShownQuery(trimmed);
            setError(null);
          },
          (err: unknown) => live && setError(err),
        );
      },
      trimmed === '' ? 0 : TYPING_DELAY_MS,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, trimmed, sort, locale, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const patch = useCallback((id: string, item: LibraryItem | null) => {
    setItems((list) => list && (item ? list.map((i) => (i.id === id ? item : i)) : list.filter((i) => i.id !== id)));
  }, []);
  return { items, error, shownQuery, reload, patch };
}
