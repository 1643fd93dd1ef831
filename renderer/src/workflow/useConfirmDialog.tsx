/**
 * A yes/no question as a modal alert dialog, awaited as a promise: `const { ask, dialog } =
 * useConfirmDialog()`, render `dialog`, then `if (!(await ask({ heading, text, yes, no }))) return`.
 * Focus goes to "yes" and comes back where it was; Escape (or closing the owner) answers no; Tab
 * stays inside. Used where an action would withdraw sign-offs (Exclude, Replace all).
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { ConfirmDialog, type Question } from '../components/ConfirmDialog.js';

export type { Question };

interface Pending extends Question {
  resolve: (ok: boolean) => void;
}

export function useConfirmDialog(): { ask: (q: Question) => Promise<boolean>; dialog: ReactNode } {
  const [pending, setPending] = useState<Pending | null>(null);
  const pendingRef = useRef<Pending | null>(null);
  const ask = useCallback(
    (q: Question) =>
      new Promise<boolean>((resolve) => {
        pendingRef.current?.resolve(false);
        const next = { ...q, resolve };
        pendingRef.current = next;
        setPending(next);
      }),
    [],
  );
  const answer = useCallback((ok: boolean) => {
    const current = pendingRef.current;
    pendingRef.current = null;
    setPending(null);
    current?.resolve(ok);
  }, []);
  // An owner that goes away (a row scrolled out of a virtual list) answers no.
  useEffect(() => () => pendingRef.current?.resolve(false), []);
  return { ask, dialog: pending ? createPortal(<ConfirmDialog question={pending} onAnswer={answer} />, document.body) : null };
}
