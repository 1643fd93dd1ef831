/**
 * The rows of the editor register here, so bulk actions can save every row's typed text first
 * (`flushAll`) and moving between rows can reach a row's handle. When the page goes away (reload,
 * closed tab or window) pending text is sent at once (the bridge keeps small requests alive past
 * the page; editor/draftJournal keeps it for the next start too).
 */
import { useCallback, useEffect, useRef } from 'react';
import type { RowHandle } from './ParagraphRow.js';

export interface RowRegistry {
  register: (id: string, handle: RowHandle) => () => void;
  getRow: (id: string) => RowHandle | undefined;
  /** Saves every row's pending text; false when a save failed (the text stays in its row). */
  flushAll: () => Promise<boolean>;
}

export function useRowRegistry(): RowRegistry {
  const rows = useRef(new Map<string, RowHandle>());
  const register = useCallback((id: string, handle: RowHandle) => {
    rows.current.set(id, handle);
    return () => {
      if (rows.current.get(id) === handle) rows.current.delete(id);
    };
  }, []);
  const getRow = useCallback((id: string) => rows.current.get(id), []);
  const flushAll = useCallback(async (): Promise<boolean> => {
    const results = await Promise.all([...rows.current.values()].map((h) => h.flush()));
    return results.every(Boolean);
  }, []);
  useEffect(() => {
    const onHide = (): void => void flushAll();
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [flushAll]);
  return { register, getRow, flushAll };
}
