/** Which paragraph the editor works on (the last one that had focus): its TM matches are shown. */
import { useSyncExternalStore } from 'react';

let active: string | null = null;
const listeners = new Set<() => void>();

export function setActiveParagraph(id: string | null): void {
  if (active === id) return;
  active = id;
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useIsActiveParagraph(id: string): boolean {
  return useSyncExternalStore(
    subscribe,
    () => active === id,
    () => false,
  );
}
