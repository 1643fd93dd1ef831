/**
 * The typed text of one row: restored when the row comes back (editor/rowPresence) or the page was
 * reloaded (editor/draftJournal), autosaved after a pause, saved at once when the editor asks
 * (`flush`, bulk actions) or the row leaves the list, and never dropped: a failed save keeps the text.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type Dispatch,
  type MutableRefObject,
  type SetStateAction,
} from 'react';
import type { Paragraph } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { draftJournal } from './draftJournal.js';
import { unsavedDrafts, useReportUnsaved } from './rowPresence.js';

export const AUTOSAVE_DELAY_MS = 600;

export interface RowHandle {
  /** Saves pending text now; resolves false when the save failed (the text stays in the row). */
  flush(): Promise<boolean>;
  focus(): void;
}

/**
 * The pause before autosave. Browser-mode tests may shorten it (a number below the default in
 * `__VERSO_TEST_AUTOSAVE_MS__`) so that many pauses fit in a test: the same timer and save path run.
 */
function autosaveDelay(): number {
  const wanted = (globalThis as { __VERSO_TEST_AUTOSAVE_MS__?: unknown }).__VERSO_TEST_AUTOSAVE_MS__;
  return typeof wanted === 'number' && wanted >= 0 && wanted < AUTOSAVE_DELAY_MS ? wanted : AUTOSAVE_DELAY_MS;
}

export type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';
export type RowError = { kind: 'save' | 'action'; error: unknown } | null;

export interface RowTextOptions {
  paragraph: Paragraph;
  /** Told of each change the server accepted (the number is the row's, for the notice). */
  onSaved: MutableRefObject<(paragraph: Paragraph, signOffWithdrawn: boolean) => void>;
  register: (paragraphId: string, handle: RowHandle) => () => void;
  /** The translation box: a textarea, or the chip editor for paragraphs with inline tokens. */
  box: MutableRefObject<HTMLElement | null>;
}

export interface RowText {
  /** Local text not yet known to be stored (null: the paragraph's target is shown). */
  draft: string | null;
  saveState: SaveState;
  rowError: RowError;
  setRowError: (error: RowError) => void;
  /** The newest version of this paragraph known here (props, or a result not yet rendered). */
  knownRef: MutableRefObject<Paragraph>;
  /** The text the row holds now (typed, or the paragraph's). */
  text: () => string;
  /** Saves pending text now; false when the save failed (the text stays). */
  save: () => Promise<boolean>;
  onText: (value: string) => void;
  onBlur: () => void;
}

/** The row's refs: what the text is now, what the server is known to hold, the save queue. */
interface TextRefs {
  draftRef: MutableRefObject<string | null>;
  knownRef: MutableRefObject<Paragraph>;
  /** Text the server accepted but stored differently (e.g. normalised); not re-sent. */
  acceptedRef: MutableRefObject<string | null>;
  timerRef: MutableRefObject<ReturnType<typeof setTimeout> | null>;
  chainRef: MutableRefObject<Promise<boolean>>;
}

interface TextSetters {
  setDraft: (draft: string | null) => void;
  setSaveState: Dispatch<SetStateAction<SaveState>>;
  setRowError: (error: RowError) => void;
  /** The stored text is shown again (nothing local is pending). */
  forget: () => void;
}

export function useRowText({ paragraph, onSaved, register, box }: RowTextOptions): RowText {
  const paragraphId = paragraph.id;
  // Text typed before the row was last unmounted, or before the page was reloaded or closed, and not stored yet.
  const [restored] = useState(() => unsavedDrafts.take(paragraph.id) ?? draftJournal.recover(paragraph.id, paragraph.target));
  const [draft, setDraft] = useState<string | null>(restored);
  const [saveState, setSaveState] = useState<SaveState>(restored === null ? 'idle' : 'pending');
  const [rowError, setRowError] = useState<RowError>(null);
  const draftRef = useRef<string | null>(restored);
  const knownRef = useRef<Paragraph>(paragraph);
  const acceptedRef = useRef<string | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chainRef = useRef<Promise<boolean>>(Promise.resolve(true));
  const refs: TextRefs = { draftRef, knownRef, acceptedRef, timerRef, chainRef };
  useLayoutEffect(() => {
    knownRef.current = paragraph;
  }, [paragraph]);
  const forget = useCallback(() => {
    draftRef.current = null;
    acceptedRef.current = null;
    setDraft(null);
  }, []);
  const set: TextSetters = { setDraft, setSaveState, setRowError, forget };
  const save = useSave(paragraphId, refs, set, onSaved);

  useRowLifecycle(paragraphId, draftRef, save, register, box);
  // A row with unsaved text stays mounted while it is scrolled out of view.
  useReportUnsaved(paragraphId, draft !== null);
  const { onText, onBlur } = useTyping(paragraphId, refs, set, save, box);
  const text = useCallback(() => draftRef.current ?? knownRef.current.target, []);
  return { draft, saveState, rowError, setRowError, knownRef, text, save, onText, onBlur };
}

/**
 * Saves the row's text, one save after the other: text the server already holds is not sent again;
 * a failed save keeps the text (and says why).
 */
function useSave(paragraphId: string, refs: TextRefs, set: TextSetters, onSaved: RowTextOptions['onSaved']): () => Promise<boolean> {
  const api = useApi();
  const { draftRef, knownRef, acceptedRef, timerRef, chainRef } = refs;
  const { setDraft, setSaveState, setRowError, forget } = set;
  const send = useCallback(
    async (text: string): Promise<boolean> => {
      setSaveState('saving');
      try {
        const result = await api.updateParagraphTarget({ paragraphId, target: text });
        knownRef.current = result.paragraph;
        draftJournal.stored(paragraphId, text);
        if (draftRef.current !== text) setSaveState('pending');
        else {
          if (result.paragraph.target === text) forget();
          else acceptedRef.current = text;
          setSaveState('saved');
        }
        setRowError(null);
        onSaved.current(result.paragraph, result.signOffWithdrawn);
        return true;
      } catch (err) {
        setRowError({ kind: 'save', error: err });
        setSaveState('failed');
        return false;
      }
    },
    [api, paragraphId, onSaved, forget, knownRef, draftRef, acceptedRef, setSaveState, setRowError],
  );
  return useCallback((): Promise<boolean> => {
    if (timerRef.current !== null) {
      clearTimeout(timerRef.current);
      timerRef.current = null;
    }
    const run = chainRef.current.then(async (): Promise<boolean> => {
      const text = draftRef.current;
      if (text === null) return true;
      if (text !== knownRef.current.target && text !== acceptedRef.current) return send(text);
      draftJournal.stored(paragraphId, text);
      if (text === knownRef.current.target) {
        draftRef.current = null;
        setDraft(null);
      }
      setSaveState((s) => (s === 'pending' ? 'idle' : s));
      return true;
    });
    chainRef.current = run;
    return run;
  }, [paragraphId, send, timerRef, chainRef, draftRef, knownRef, acceptedRef, setDraft, setSaveState]);
}

/** Typing (autosaved after a pause) and leaving the box (saved at once). */
function useTyping(
  paragraphId: string,
  refs: TextRefs,
  set: TextSetters,
  save: () => Promise<boolean>,
  box: MutableRefObject<HTMLElement | null>,
) {
  const { draftRef, acceptedRef, timerRef } = refs;
  const { setDraft, setSaveState, forget } = set;
  const onText = useCallback(
    (value: string): void => {
      draftRef.current = value;
      draftJournal.note(paragraphId, value);
      setDraft(value);
      setSaveState('pending');
      if (timerRef.current !== null) clearTimeout(timerRef.current);
      timerRef.current = setTimeout(() => {
        timerRef.current = null;
        void save();
      }, autosaveDelay());
    },
    [paragraphId, draftRef, timerRef, setDraft, setSaveState, save],
  );
  const onBlur = useCallback((): void => {
    if (draftRef.current === null) return;
    void save().then((ok) => {
      // Stored differently (normalised) and no longer being typed in: the stored text is shown.
      if (
        ok &&
        draftRef.current !== null &&
        draftRef.current === acceptedRef.current &&
        box.current?.ownerDocument.activeElement !== box.current
      )
        forget();
    });
  }, [draftRef, acceptedRef, box, save, forget]);
  return { onText, onBlur };
}

/**
 * Registers the row with the editor (bulk actions flush every row; Ctrl+Enter focuses the next
 * row). Leaving the editor, or the row leaving the (virtualized or filtered) list, never drops
 * typed text: a pending save is sent at once, and the text is kept until it is stored.
 */
function useRowLifecycle(
  paragraphId: string,
  draftRef: MutableRefObject<string | null>,
  save: () => Promise<boolean>,
  register: RowTextOptions['register'],
  box: MutableRefObject<HTMLElement | null>,
): void {
  useEffect(() => register(paragraphId, { flush: save, focus: () => box.current?.focus() }), [register, paragraphId, save, box]);
  useEffect(() => {
    if (draftRef.current !== null) void save();
    return () => {
      // eslint-disable-next-line react-hooks/exhaustive-deps -- the row's latest typed text at unmount is wanted; draftRef is not a DOM ref
      const text = draftRef.current;
      if (text === null) return;
      unsavedDrafts.keep(paragraphId, text);
      void save().then((ok) => ok && unsavedDrafts.stored(paragraphId, text));
    };
  }, [save, paragraphId, draftRef]);
}
