import { useEffect, type RefObject } from 'react';

/** Moves keyboard focus to the element once, when the view appears (e.g. its heading). */
export function useFocusOnMount(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    ref.current?.focus();
  }, [ref]);
}
