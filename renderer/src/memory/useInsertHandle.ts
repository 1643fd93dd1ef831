/**
 * The TM panel's handle for the row's shortcuts (Ctrl+M, Ctrl+1..3, Ctrl+Shift+1..9, Ctrl+Shift+M):
 * a shortcut pressed while the lookup is still running is kept and carried out when the matches
 * arrive, so Ctrl+M right after moving to a paragraph is never silently lost.
 */
import { useEffect, useRef, type MutableRefObject } from 'react';
import type { TmMatch, TmSentenceMatches } from '../../../shared/features/memoryApi.js';

export interface TmMatchesHandle {
  /** Inserts the match at `index`; false when there is none. */
  insert(index: number): boolean;
  /** Inserts sentence `index`'s best match; false when it has none. */
  insertSentence(index: number): boolean;
  /** Inserts every sentence's best match assembled; false when no sentence has one. */
  insertAssembled(): boolean;
}

type PendingInsert = { kind: 'match' | 'sentence'; index: number } | { kind: 'assembled' };

export interface InsertHandleOptions {
  handleRef: MutableRefObject<TmMatchesHandle | null>;
  /** Null while the lookup runs. */
  matches: TmMatch[] | null;
  sentences: TmSentenceMatches[];
  busy: boolean;
  setBusy: (busy: boolean) => void;
  onInsert: (unitId: number) => Promise<void>;
  onInsertSentence: (sentenceIndex: number, unitId: number) => Promise<void>;
  onInsertAssembled: (unitIds: (number | null)[]) => Promise<void>;
}

export function useInsertHandle({
  handleRef,
  matches,
  sentences,
  busy,
  setBusy,
  onInsert,
  onInsertSentence,
  onInsertAssembled,
}: InsertHandleOptions): void {
  const pending = useRef<PendingInsert | null>(null);

  useEffect(() => {
    const act = (work: () => Promise<void>): boolean => {
      setBusy(true);
      void work().finally(() => setBusy(false));
      return true;
    };
    const carryOut = (wanted: PendingInsert): boolean => {
      if (busy) return false;
      if (wanted.kind === 'match') {
        const m = matches?.[wanted.index];
        return m ? act(() => onInsert(m.unitId)) : false;
      }
      if (wanted.kind === 'sentence') {
        const m = sentences[wanted.index]?.matches[0];
        return m ? act(() => onInsertSentence(wanted.index, m.unitId)) : false;
      }
      const unitIds = sentences.map((s) => s.matches[0]?.unitId ?? null);
      return unitIds.some((id) => id !== null) ? act(() => onInsertAssembled(unitIds)) : false;
    };
    if (matches !== null && pending.current !== null) {
      const wanted = pending.current;
      pending.current = null;
      carryOut(wanted);
    }
    const request = (wanted: PendingInsert): boolean => {
      if (matches === null) {
        pending.current = wanted;
        return true;
      }
      return carryOut(wanted);
    };
    handleRef.current = {
      insert: (index) => request({ kind: 'match', index }),
      insertSentence: (index) => request({ kind: 'sentence', index }),
      insertAssembled: () => request({ kind: 'assembled' }),
    };
    return () => {
      handleRef.current = null;
    };
  }, [handleRef, matches, sentences, onInsert, onInsertSentence, onInsertAssembled, busy, setBusy]);
}
