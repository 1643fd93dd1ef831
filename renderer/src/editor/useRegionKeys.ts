/** F6 / Shift+F6 between the editor's regions and Ctrl+G "Go to paragraph" (issue 11). */
import { useEffect, useRef, useState } from 'react';
import { cycleRegions } from './regions.js';

export interface GoToState {
  open: boolean;
  close: () => void;
  /** What had focus before the dialog opened (focus goes back there on Escape). */
  before: () => Element | null;
}

/** `focusList` focuses the paragraph list's current row; `canGoTo` is false while no document is shown. */
export function useRegionKeys(focusList: () => boolean, canGoTo: () => boolean): GoToState {
  const [open, setOpen] = useState(false);
  const beforeRef = useRef<Element | null>(null);
  const live = useRef({ focusList, canGoTo });
  useEffect(() => {
    live.current = { focusList, canGoTo };
  });
  useEffect(() => {
    function onKey(e: KeyboardEvent): void {
      // A modal dialog keeps the keyboard to itself.
      if (document.querySelector('[aria-modal="true"]')) return;
      if (e.key === 'F6' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        cycleRegions(document, e.shiftKey ? -1 : 1, live.current.focusList);
        return;
      }
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'g' && live.current.canGoTo()) {
        e.preventDefault();
        beforeRef.current = document.activeElement;
        setOpen(true);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return { open, close: () => setOpen(false), before: () => beforeRef.current };
}
