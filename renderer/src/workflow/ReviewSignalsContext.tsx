/** Provides the editor's review signals and measures focus per paragraph row (`data-paragraph-id`). */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { createReviewSignals, type ReviewSignals } from './reviewSignals.js';

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

/** The editor's signals, measured from focus changes while the editor is mounted. */
export function useMeasuredReviewSignals(): ReviewSignals {
  const [signals] = useState(() => createReviewSignals(() => performance.now()));
  useEffect(() => {
    const onFocusIn = (e: FocusEvent) => {
      const id = paragraphIdOf(e.target);
      if (id) signals.focusIn(id);
      else signals.focusOut();
    };
    const onFocusOut = (e: FocusEvent) => {
      if (!paragraphIdOf(e.relatedTarget)) signals.focusOut();
    };
    // Time with the window hidden is not reading time.
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') signals.focusOut();
      else {
        const id = paragraphIdOf(document.activeElement);
        if (id) signals.focusIn(id);
      }
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('visibilitychange', onVisibility);
      signals.focusOut();
    };
  }, [signals]);
  return signals;
}

export function ReviewSignalsProvider({ signals, children }: { signals: ReviewSignals; children: ReactNode }) {
  return <Context.Provider value={signals}>{children}</Context.Provider>;
}

export function useReviewSignals(): ReviewSignals {
  return useContext(Context);
}
