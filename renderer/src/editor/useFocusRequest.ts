/**
 * Focus after a bulk action (issue 11): focus goes to the requested target once it can take it,
 * unless the person has moved on meanwhile: only when focus is lost, or still where the action left
 * it (the heading, the toolbar, the job bar), never out of a row or panel the person went to.
 */
import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react';
import { canTakeFocus, focusIsLost } from '../components/restoreFocus.js';

/** How long a focus request waits for its target to become focusable (ms). */
const FOCUS_REQUEST_MS = 3000;

export type FocusTarget = () => HTMLElement | null | undefined;

/** `leftByAction`: the places an action (or a closed dialog) leaves focus in. */
export function useFocusRequest(leftByAction: ReadonlyArray<RefObject<HTMLElement | null>>): (target: FocusTarget) => void {
  const pendingRef = useRef<{ target: FocusTarget; at: number } | null>(null);
  const request = useCallback((target: FocusTarget) => {
    pendingRef.current = { target, at: Date.now() };
  }, []);
  useLayoutEffect(() => {
    const pending = pendingRef.current;
    if (!pending) return;
    if (Date.now() - pending.at > FOCUS_REQUEST_MS) {
      pendingRef.current = null;
      return;
    }
    const el = pending.target();
    if (!canTakeFocus(el)) return;
    pendingRef.current = null;
    const active = document.activeElement;
    const left = leftByAction.some((ref) => ref.current === active || ref.current?.contains(active));
    if (focusIsLost() || left) el.focus();
  });
  return request;
}
