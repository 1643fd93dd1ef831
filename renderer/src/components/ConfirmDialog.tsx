/**
 * A yes/no question as a modal alert dialog: focus goes to "yes" and comes back where it was (or
 * as near as possible, never `<body>`); Escape answers no; Tab stays between the two buttons.
 * A destructive "yes" (it removes what cannot be brought back) is a danger button, and focus
 * starts on "no", the safe answer.
 */
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { restoreFocus } from './restoreFocus.js';

export interface Question {
  heading: string;
  text: ReactNode;
  yes: string;
  no: string;
  destructive?: boolean;
}

export function ConfirmDialog({
  question,
  onAnswer,
  primaryYes = true,
}: {
  question: Question;
  onAnswer: (ok: boolean) => void;
  primaryYes?: boolean;
}) {
  const headingId = useId();
  const textId = useId();
  const yesRef = useRef<HTMLButtonElement>(null);
  const noRef = useRef<HTMLButtonElement>(null);
  // In the commit that shows the dialog (a layout effect), so no moment passes with the dialog shown and focus outside it.
  useLayoutEffect(() => {
    const before = document.activeElement;
    (question.destructive ? noRef : yesRef).current?.focus();
    return () => restoreFocus(before);
    // Focus is placed once, when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
          <button
            type="button"
            className={question.destructive ? 'button-danger' : primaryYes ? 'button-primary' : undefined}
            ref={yesRef}
            onClick={() => onAnswer(true)}
          >
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
