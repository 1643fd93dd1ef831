/**
 * How a row tells the virtualized paragraph list that it holds text not saved yet: such a row is
 * kept mounted while it scrolls out of view, so the text, its save and its error message stay.
 */
import { createContext, useContext, useEffect } from 'react';

export interface RowPresence {
  setUnsaved(paragraphId: string, unsaved: boolean): void;
}

const NONE: RowPresence = { setUnsaved: () => undefined };

export const RowPresenceContext = createContext<RowPresence>(NONE);

/** Reports `unsaved` for the row's paragraph (and clears it when the row unmounts). */
export function useReportUnsaved(paragraphId: string, unsaved: boolean): void {
  const presence = useContext(RowPresenceContext);
  useEffect(() => {
    if (!unsaved) return;
    presence.setUnsaved(paragraphId, true);
    return () => presence.setUnsaved(paragraphId, false);
  }, [presence, paragraphId, unsaved]);
}

/**
 * Text of rows that unmounted before it was stored (hidden by the filter while its save failed):
 * the row takes it back when it is shown again, so nothing typed is lost.
 */
const stash = new Map<string, string>();

export const unsavedDrafts = {
  keep(paragraphId: string, text: string): void {
    stash.set(paragraphId, text);
  },
  /** Forgets the text once stored (unless newer text was kept meanwhile). */
  stored(paragraphId: string, text: string): void {
    if (stash.get(paragraphId) === text) stash.delete(paragraphId);
  },
  take(paragraphId: string): string | null {
    const text = stash.get(paragraphId) ?? null;
    stash.delete(paragraphId);
    return text;
  },
};
