/** Undo, redo and restore of one paragraph; pending typing is saved first, so nothing typed is lost. */
import { useCallback } from 'react';
import type { ParagraphChange } from '../../../shared/features/workflowApi.js';
import { useApi } from '../api/ApiProvider.js';
import { useLatest } from '../components/useLatest.js';

export interface ParagraphUndo {
  undo(): Promise<void>;
  redo(): Promise<void>;
  restore(revisionId: number): Promise<void>;
}

export function useParagraphUndo(
  paragraphId: string,
  flush: () => Promise<boolean>,
  onChange: (change: ParagraphChange) => void,
  onError: (err: unknown) => void,
): ParagraphUndo {
  const api = useApi();
  const callbacks = useLatest({ flush, onChange, onError });

  const run = useCallback(
    async (call: () => Promise<ParagraphChange>) => {
      if (!(await callbacks.current.flush())) return;
      try {
        callbacks.current.onChange(await call());
      } catch (err) {
        callbacks.current.onError(err);
      }
    },
    [callbacks],
  );

  return {
    undo: useCallback(() => run(() => api.undoParagraph({ paragraphId })), [api, paragraphId, run]),
    redo: useCallback(() => run(() => api.redoParagraph({ paragraphId })), [api, paragraphId, run]),
    restore: useCallback((revisionId: number) => run(() => api.restoreRevision({ paragraphId, revisionId })), [api, paragraphId, run]),
  };
}
