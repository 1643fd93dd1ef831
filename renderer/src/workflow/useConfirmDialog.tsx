/**
 * A yes/no question as a modal alert dialog, awaited as a promise: `const { ask, dialog } =
 * useConfirmDialog()`, render `dialog`, then `if (!(await ask({ heading, text, yes, no }))) return`.
 * Focus goes to "yes" and comes back where it was; Escape (or closing the owner) answers no; Tab
 * stays inside. Used where an action would withdraw sign-offs (Exclude, Replace all).
 */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export interface Question {
  heading: string;
  text: string;
  yes: string;
  no: string;
}

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

function ConfirmDialog({ question, onAnswer }: { question: Question; onAnswer: (ok: boolean) => void }) {
  const headingId = useId();
  const textId = useId();
  const yesRef = useRef<HTMLButtonElement>(null);
  const noRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    yesRef.current?.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);
  return (
    <div className="shortcut-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={headingId}
        aria-describedby={textId}
        className="shortcut-help confirm-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onAnswer(false);
          }
          if (e.key === 'Tab') {
            e.preventDefault();
            (document.activeElement === yesRef.current ? noRef : yesRef).current?.focus();
          }
        }}
      >
        <h2 id={headingId}>{question.heading}</h2>
        <p id={textId}>{question.text}</p>
        <div className="dialog-actions">
          <button type="button" className="button-primary" ref={yesRef} onClick={() => onAnswer(true)}>
            {question.yes}
          </button>
          <button type="button" ref={noRef} onClick={() => onAnswer(false)}>
            {question.no}
          </button>
        </div>
      </div>
    </div>
  );
}
