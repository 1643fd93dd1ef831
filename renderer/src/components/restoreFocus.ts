/**
 * Where focus goes when a dialog closes or an action removes or disables the focused control:
 * never `<body>` (a keyboard user would start again at the top of the page).
 */

const FOCUSABLE =
  'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"], [contenteditable="plaintext-only"]';

/** Whether `el` can take focus now: in the page, not disabled, not inside something hidden. */
export function canTakeFocus(el: Element | null | undefined): el is HTMLElement {
  if (!el || !el.isConnected || el === el.ownerDocument.body) return false;
  if ((el as HTMLButtonElement).disabled) return false;
  return el.closest('[hidden], [inert], details:not([open]) > :not(summary)') === null;
}

/** The first control in `root` that can take focus (in document order), or null. */
export function firstFocusable(root: ParentNode): HTMLElement | null {
  for (const el of root.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (canTakeFocus(el) && el.getAttribute('aria-hidden') !== 'true') return el;
  }
  return null;
}

/** Whether focus has fallen to nothing (the page body), or sits on a control that can no longer take it. */
export function focusIsLost(doc: Document = document): boolean {
  const active = doc.activeElement;
  return !active || active === doc.body || !canTakeFocus(active);
}

/**
 * Focuses `before` when it still can take focus; otherwise the nearest place around where it was:
 * the Translation box of its paragraph row, or the first control of the closest enclosing part
 * that has one; last, the view's heading.
 */
export function restoreFocus(before: Element | null, doc: Document = document): void {
  if (canTakeFocus(before)) {
    before.focus();
    return;
  }
  const row = before?.isConnected ? before.closest('[data-paragraph-id]') : null;
  const box = row?.querySelector<HTMLElement>('.translation');
  if (canTakeFocus(box)) {
    box.focus();
    return;
  }
  for (let at = before?.isConnected ? before.parentElement : null; at && at !== doc.body; at = at.parentElement) {
    const el = firstFocusable(at);
    if (el) {
      el.focus();
      return;
    }
  }
  doc.querySelector<HTMLElement>('main h1[tabindex]')?.focus();
}
