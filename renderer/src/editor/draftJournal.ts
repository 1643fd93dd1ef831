/**
 * Typed text that is not stored yet, journalled in the renderer's own storage on every change, so
 * that a page reload, a closed window or a crash between a keystroke and its autosave loses
 * nothing: the row takes the text back when it is shown again (and saves it). An entry goes as
 * soon as the text is stored, or when the paragraph already holds that text.
 */

export interface JournalEntry {
  text: string;
  /** When the text was typed (ms since the epoch); entries older than `MAX_AGE_MS` are dropped. */
  at: number;
}

export const JOURNAL_KEY = 'verso.unsavedText';
export const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function isEntry(value: unknown): value is JournalEntry {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.text === 'string' && typeof v.at === 'number';
}

export function createDraftJournal(storage: () => StorageLike | null, now: () => number = Date.now) {
  function read(): Map<string, JournalEntry> {
    const entries = new Map<string, JournalEntry>();
    try {
      const raw = storage()?.getItem(JOURNAL_KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : null;
      if (typeof parsed !== 'object' || parsed === null) return entries;
      for (const [id, entry] of Object.entries(parsed)) {
        if (isEntry(entry) && now() - entry.at <= MAX_AGE_MS) entries.set(id, entry);
      }
    } catch {
      // Unreadable storage or a damaged entry: nothing to recover.
    }
    return entries;
  }

  function write(entries: Map<string, JournalEntry>): void {
    try {
      const s = storage();
      if (!s) return;
      if (entries.size === 0) s.removeItem(JOURNAL_KEY);
      else s.setItem(JOURNAL_KEY, JSON.stringify(Object.fromEntries(entries)));
    } catch {
      // Storage full or refused: the autosave still runs; only the crash safety net is missing.
    }
  }

  return {
    /** Records the text typed in a paragraph (replacing what was recorded for it). */
    note(paragraphId: string, text: string): void {
      const entries = read();
      entries.set(paragraphId, { text, at: now() });
      write(entries);
    },
    /** Forgets the paragraph's text once `text` is stored (newer text typed meanwhile stays). */
    stored(paragraphId: string, text: string): void {
      const entries = read();
      if (entries.get(paragraphId)?.text !== text) return;
      entries.delete(paragraphId);
      write(entries);
    },
    /**
     * The text to take back into a paragraph now holding `target`, or null. The entry stays until
     * the text is stored; one the paragraph already holds goes at once.
     */
    recover(paragraphId: string, target: string): string | null {
      const entries = read();
      const entry = entries.get(paragraphId);
      if (!entry) return null;
      if (entry.text !== target) return entry.text;
      entries.delete(paragraphId);
      write(entries);
      return null;
    },
  };
}

function localStorageOrNull(): StorageLike | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export const draftJournal = createDraftJournal(localStorageOrNull);
