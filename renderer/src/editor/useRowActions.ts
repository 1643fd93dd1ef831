/**
 * What one row does besides typing: confirm and sign off (Ctrl+Enter, Ctrl+Shift+S, the buttons),
 * the paragraph's own undo and redo (Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y), and inserting a TM match
 * (its shortcut or button): each saves the typed text first.
 */
import { useCallback, useRef, useState, type KeyboardEvent, type MutableRefObject } from 'react';
import { ApiCallError } from '../../../shared/api.js';
import type { Paragraph } from '../../../shared/types.js';
import type { FastSignOff, ParagraphChange } from '../../../shared/features/workflowApi.js';
import { useApi } from '../api/ApiProvider.js';
import type { TmMatchesHandle } from '../memory/useInsertHandle.js';
import { tmSentenceShortcut, tmShortcutIndex } from '../memory/tmShortcuts.js';
import { useFastConfirm } from '../workflow/FastConfirmContext.js';
import { fastCandidates } from '../workflow/fastCandidates.js';
import type { SignOffGate } from '../workflow/OverrideForm.js';
import { useReviewSignals } from '../workflow/ReviewSignalsContext.js';
import { useParagraphUndo, type ParagraphUndo } from '../workflow/useParagraphUndo.js';
import { useSignOffGate } from '../workflow/useSignOffGate.js';
import type { RowText } from './useRowText.js';

export function isConfirmable(p: Paragraph): boolean {
  return p.status === 'machine' || p.status === 'edited';
}

/** What the row's actions need of the row's props, read when they run. */
export interface RowContext {
  number: number;
  targetLang: string;
  isEditor: boolean;
  onSaved: (paragraph: Paragraph, signOffWithdrawn: boolean, number: number) => void;
  onParagraphs: (paragraphs: Paragraph[]) => void;
  onFocusNext: (paragraphId: string) => void;
  onFastSignOffs?: (fast: FastSignOff[]) => void;
}

export interface RowActions {
  acting: boolean;
  /** A sign-off refused for QA errors: the row asks for an override reason (workflow/RowWorkflow). */
  gate: SignOffGate | null;
  setGate: (gate: SignOffGate | null) => void;
  run: (kind: 'confirm' | 'signOff', moveFocus: boolean) => Promise<void>;
  undo: ParagraphUndo;
  onActionError: (err: unknown) => void;
  tmRef: MutableRefObject<TmMatchesHandle | null>;
  insertTm: (unitId: number) => Promise<void>;
  insertTmSentence: (sentenceIndex: number, unitId: number) => Promise<void>;
  insertTmAssembled: (unitIds: (number | null)[]) => Promise<void>;
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
}

export interface RowLanguages {
  sourceLang: string;
  targetLang: string;
}

export function useRowActions(paragraphId: string, langs: RowLanguages, row: RowText, props: MutableRefObject<RowContext>): RowActions {
  const api = useApi();
  const [acting, setActing] = useState(false);
  const [gate, setGate] = useState<SignOffGate | null>(null);
  const signOff = useSignOffOne(paragraphId, langs, props, setGate);
  const { save, knownRef, setRowError, text } = row;

  const run = useCallback(
    async (kind: 'confirm' | 'signOff', moveFocus: boolean): Promise<void> => {
      if (text().trim() === '') return;
      if (moveFocus) props.current.onFocusNext(paragraphId);
      setActing(true);
      try {
        if (!(await save())) return;
        const current = knownRef.current;
        if (kind === 'confirm' && !isConfirmable(current)) return;
        if (kind === 'signOff' && current.status === 'signed-off') return;
        const updated = kind === 'confirm' ? await api.confirmParagraphs({ paragraphIds: [paragraphId] }) : await signOff(current);
        if (!updated) return;
        const mine = updated.find((p) => p.id === paragraphId);
        if (mine) knownRef.current = mine;
        setRowError(null);
        props.current.onParagraphs(updated);
      } catch (err) {
        setRowError({ kind: 'action', error: err });
      } finally {
        setActing(false);
      }
    },
    [api, paragraphId, save, knownRef, text, setRowError, signOff, props],
  );

  const onChange = useCallback(
    (change: ParagraphChange) => {
      knownRef.current = change.paragraph;
      setRowError(null);
      props.current.onSaved(change.paragraph, change.signOffWithdrawn, props.current.number);
    },
    [knownRef, setRowError, props],
  );
  const onActionError = useCallback((err: unknown) => setRowError({ kind: 'action', error: err }), [setRowError]);
  const undo = useParagraphUndo(paragraphId, save, onChange, onActionError);

  // Translation memory: inserting a match is a revision with origin `tm` (memory/TmMatches).
  const tmRef = useRef<TmMatchesHandle | null>(null);
  const applyTm = useCallback(
    async (apply: () => Promise<ParagraphChange>): Promise<void> => {
      if (!(await save())) return;
      try {
        onChange(await apply());
      } catch (err) {
        onActionError(err);
      }
    },
    [save, onChange, onActionError],
  );
  const insertTm = useCallback((unitId: number) => applyTm(() => api.applyTmMatch({ paragraphId, unitId })), [api, applyTm, paragraphId]);
  // Issue 17: sentence matches (memory/SentenceMatches).
  const insertTmSentence = useCallback(
    (sentenceIndex: number, unitId: number) => applyTm(() => api.applyTmSentence({ paragraphId, sentenceIndex, unitId })),
    [api, applyTm, paragraphId],
  );
  const insertTmAssembled = useCallback(
    (unitIds: (number | null)[]) => applyTm(() => api.applyTmAssembled({ paragraphId, unitIds })),
    [api, applyTm, paragraphId],
  );

  const isEditor = useCallback(() => props.current.isEditor, [props]);
  const onKeyDown = useRowKeys({ tmRef, undo, run, isEditor });
  return { acting, gate, setGate, run, undo, onActionError, tmRef, insertTm, insertTmSentence, insertTmAssembled, onKeyDown };
}

/**
 * Signs off one paragraph: asks first when it is faster than reading speed; QA errors hold it for
 * an override reason (the one question; it says when it is also fast). Null when it was held or
 * the person said no; throws what the server refused.
 */
function useSignOffOne(
  paragraphId: string,
  langs: RowLanguages,
  props: MutableRefObject<RowContext>,
  setGate: (gate: SignOffGate | null) => void,
): (current: Paragraph) => Promise<Paragraph[] | null> {
  const api = useApi();
  const signals = useReviewSignals();
  const confirmFast = useFastConfirm();
  const signOffGate = useSignOffGate(langs.sourceLang, langs.targetLang);
  return useCallback(
    async (current: Paragraph) => {
      const { number, targetLang } = props.current;
      const review = signals.signalsFor([paragraphId]);
      const fast = fastCandidates([{ id: paragraphId, number, target: current.target }], review, targetLang);
      const held = signOffGate(current, number, fast.length > 0);
      if (held) {
        setGate(held);
        return null;
      }
      if (!(await confirmFast(fast))) return null;
      const result = await api.signOffReviewed({ paragraphIds: [paragraphId], review });
      props.current.onFastSignOffs?.(result.fast);
      const skipped = result.skipped[0];
      if (skipped?.reason === 'qa') setGate(skipped);
      else if (skipped?.reason === 'excluded')
        throw new ApiCallError({ code: 'PARAGRAPH_EXCLUDED', message: '', details: { count: 1, paragraphs: [skipped.number] } });
      else if (skipped)
        throw new ApiCallError({ code: skipped.reason === 'empty' ? 'PARAGRAPH_EMPTY' : 'PARAGRAPH_NOT_CONFIRMABLE', message: '' });
      return result.signedOff;
    },
    [api, paragraphId, props, signals, confirmFast, signOffGate, setGate],
  );
}

/** The row's keys: TM shortcuts, undo/redo, Ctrl+Shift+S sign off (editors), Ctrl+Enter confirm and move on. */
function useRowKeys({
  tmRef,
  undo,
  run,
  isEditor,
}: {
  tmRef: MutableRefObject<TmMatchesHandle | null>;
  undo: ParagraphUndo;
  run: RowActions['run'];
  isEditor: () => boolean;
}): (e: KeyboardEvent<HTMLElement>) => void {
  return useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const key = e.key.toLowerCase();
      const tmIndex = tmShortcutIndex(e);
      if (tmIndex !== null && tmRef.current?.insert(tmIndex)) {
        e.preventDefault();
        return;
      }
      const sentence = tmSentenceShortcut(e);
      if (sentence !== null && (sentence === 'assembled' ? tmRef.current?.insertAssembled() : tmRef.current?.insertSentence(sentence))) {
        e.preventDefault();
        return;
      }
      // Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y): the paragraph's own undo history, kept across reloads.
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (key === 'z' || key === 'y')) {
        e.preventDefault();
        void (key === 'y' || e.shiftKey ? undo.redo() : undo.undo());
        return;
      }
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && key === 's') {
        e.preventDefault();
        if (isEditor()) void run('signOff', false);
        return;
      }
      if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      e.preventDefault();
      void run('confirm', true);
    },
    [tmRef, undo, run, isEditor],
  );
}
