/** Provides the editor's review signals and measures focus per paragraph row (`data-paragraph-id`). */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { createReviewSignals, type ReviewSignals } from './reviewSignals.js';
import { useApi } from '../api/ApiProvider.js';

const NONE: ReviewSignals = {
  focusIn: () => undefined,
  focusOut: () => undefined,
  markDiffViewed: () => undefined,
  signalsFor: () => [],
  reset: () => undefined,
};

const Context = createContext<ReviewSignals>(NONE);

function paragraphIdOf(target: EventTarget | null): string | null {
  const el = target as Element | null;
  return typeof el?.closest === 'function' ? (el.closest('[data-paragraph-id]')?.getAttribute('data-paragraph-id') ?? null) : null;
}

/**
 * The editor's signals, measured from focus changes while the editor is mounted. Each change of
 * the paragraph holding the focus is also reported to Verso (`reportReviewFocus`), which measures
 * the reading time a sign-off records with its own clock; the renderer's figure only decides
 * whether to ask "faster than reading speed?".
 */
export function useMeasuredReviewSignals(): ReviewSignals {
  const api = useApi();
  const [signals] = useState(() => createReviewSignals(() => performance.now()));
  useEffect(() => {
    let reported: string | null = null;
    const report = (paragraphId: string | null): void => {
      if (paragraphId === reported) return;
      reported = paragraphId;
      api.reportReviewFocus({ paragraphId }).catch(() => undefined);
    };
    const focusIn = (id: string): void => {
      signals.focusIn(id);
      report(id);
    };
    const focusOut = (): void => {
      signals.focusOut();
      report(null);
    };
    const onFocusIn = (e: FocusEvent) => {
      const id = paragraphIdOf(e.target);
      if (id) focusIn(id);
      else focusOut();
    };
    const onFocusOut = (e: FocusEvent) => {
      if (!paragraphIdOf(e.relatedTarget)) focusOut();
    };
    // Time with the window hidden is not reading time.
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') focusOut();
      else {
        const id = paragraphIdOf(document.activeElement);
        if (id) focusIn(id);
      }
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('visibilitychange', onVisibility);
      focusOut();
    };
  }, [signals, api]);
  return signals;
}

export function ReviewSignalsProvider({ signals, children }: { signals: ReviewSignals; children: ReactNode }) {
  return <Context.Provider value={signals}>{children}</Context.Provider>;
}

export function useReviewSignals(): ReviewSignals {
  return useContext(Context);
}
