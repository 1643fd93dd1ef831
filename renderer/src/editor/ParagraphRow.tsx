/**
 * One paragraph of the editor: source, editable translation (autosaved), status and actions.
 * The typed text lives here, so a keystroke re-renders this row only; the editor hears about
 * a paragraph only when the server has accepted a change.
 */
import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Paragraph } from '../../../shared/types.js';
import { LIMITS } from '../../../shared/limits.js';
import { useApi } from '../api/ApiProvider.js';
import { useFormatError } from '../i18n/formatError.js';
import { statusKey } from './paragraphs.js';
import type { FastSignOff, ParagraphChange } from '../../../shared/features/workflowApi.js';
import { RowWorkflow } from '../workflow/RowWorkflow.js';
import { useParagraphUndo } from '../workflow/useParagraphUndo.js';
import { useEditEffort } from '../workflow/useEditEffort.js';
import { useReviewSignals } from '../workflow/ReviewSignalsContext.js';
import { useFastConfirm } from '../workflow/FastConfirmContext.js';
import { fastCandidates } from '../workflow/fastCandidates.js';
import type { SignOffGate } from '../workflow/OverrideForm.js';
import { useSignOffGate } from '../workflow/useSignOffGate.js';
import { ExclusionBadge, ExclusionToggle } from '../workflow/ExclusionControls.js';
import { MtProvenance, RetranslateButton } from '../engines/MtProvenance.js';
import { ReopenedSource } from '../importing/ReopenedSource.js';
import { SourceText } from '../glossary/SourceText.js';
import { TokenEditor } from '../inline/TokenEditor.js';
import { TmMatches, type TmMatchesHandle } from '../memory/TmMatches.js';
import { setActiveParagraph } from '../memory/activeParagraph.js';
import { tmShortcutIndex } from '../memory/tmShortcuts.js';
import { unsavedDrafts, useReportUnsaved } from './rowPresence.js';
import { draftJournal } from './draftJournal.js';
import { placeLabel } from '../importing/ImportReport.js';

export const AUTOSAVE_DELAY_MS = 600;

/**
 * The pause before autosave. Browser-mode tests may shorten it (a number below the default in
 * `__VERSO_TEST_AUTOSAVE_MS__`) so that many pauses fit in a test: the same timer and save path run.
 */
function autosaveDelay(): number {
  const wanted = (globalThis as { __VERSO_TEST_AUTOSAVE_MS__?: unknown }).__VERSO_TEST_AUTOSAVE_MS__;
  return typeof wanted === 'number' && wanted >= 0 && wanted < AUTOSAVE_DELAY_MS ? wanted : AUTOSAVE_DELAY_MS;
}
const NO_WORDS: readonly string[] = [];

export interface RowHandle {
  /** Saves pending text now; resolves false when the save failed (the text stays in the row). */
  flush(): Promise<boolean>;
  focus(): void;
}

export interface ParagraphRowProps {
  paragraph: Paragraph;
  /** 1-based position shown to people. */
  number: number;
  sourceLang: string;
  targetLang: string;
  dir: 'ltr' | 'rtl' | 'auto';
  isEditor: boolean;
  engineName: string | null;
  onSaved: (paragraph: Paragraph, signOffWithdrawn: boolean, number: number) => void;
  onParagraphs: (paragraphs: Paragraph[]) => void;
  onFocusNext: (paragraphId: string) => void;
  register: (paragraphId: string, handle: RowHandle) => () => void;
  /** Sign-offs faster than a plausible reading speed (workflow). */
  onFastSignOffs?: (fast: FastSignOff[]) => void;
  /** 1-based position of the row in the (virtualized, maybe filtered) table, for `aria-rowindex`. */
  rowIndex?: number;
}

type SaveState = 'idle' | 'pending' | 'saving' | 'saved' | 'failed';
type RowError = { kind: 'save' | 'action'; error: unknown } | null;

function isConfirmable(p: Paragraph): boolean {
  return p.status === 'machine' || p.status === 'edited';
}

function ParagraphRowImpl(props: ParagraphRowProps) {
  const { paragraph, number, sourceLang, targetLang, dir, isEditor, engineName, register } = props;
  const { t } = useTranslation();
  const api = useApi();
  const formatError = useFormatError();
  const sourceId = useId();

  // Text typed before the row was last unmounted (editor/rowPresence), or before the page was
  // reloaded or closed (editor/draftJournal), and not stored yet comes back and is saved.
  const [restored] = useState(() => unsavedDrafts.take(paragraph.id) ?? draftJournal.recover(paragraph.id, paragraph.target));
  const [draft, setDraft] = useState<string | null>(restored);
  const [saveState, setSaveState] = useState<SaveState>(restored === null ? 'idle' : 'pending');
  const [rowError, setRowError] = useState<RowError>(null);
  const [acting, setActing] = useState(false);
  /** A sign-off refused for QA errors (workflow): the row asks for an override reason. */
  const [gate, setGate] = useState<SignOffGate | null>(null);
  const signOffGate = useSignOffGate(sourceLang, targetLang);
  const signals = useReviewSignals();
  const confirmFast = useFastConfirm();

  /** Local text not yet known to be stored (null: show the paragraph's target). */
  const draftRef = useRef<string | null>(restored);
  /** The newest version of this paragraph we know of (props, or a save result not yet rendered). */
  const knownRef = useRef<Paragraph>(paragraph);
  /** Text the server accepted but stored differently (e.g. normalised); not re-sent. */
  const acceptedRef = useRef<string | null>(null);
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null);
  const chainRef = useRef<Promise<boolean>>(Promise.resolve(true));
  /** The translation box: a textarea, or the chip editor for paragraphs with inline tokens. */
  const textareaRef = useRef<HTMLElement | null>(null);
  const propsRef = useRef(props);

  useLayoutEffect(() => {
    propsRef.current = props;
  });
  useLayoutEffect(() => {
    knownRef.current = paragraph;
  }, [paragraph]);

  const paragraphId = paragraph.id;

  const save = useCallback((): Promise<boolean> => {
    if (timerRef.current !== null) {
      clearTimeout(timerRef.current);
      timerRef.current = null;
    }
    const run = chainRef.current.then(async (): Promise<boolean> => {
      const text = draftRef.current;
      if (text === null) return true;
      if (text === knownRef.current.target || text === acceptedRef.current) {
        draftJournal.stored(paragraphId, text);
        if (text === knownRef.current.target) {
          draftRef.current = null;
          setDraft(null);
        }
        setSaveState((s) => (s === 'pending' ? 'idle' : s));
        return true;
      }
      setSaveState('saving');
      try {
        const result = await api.updateParagraphTarget({ paragraphId, target: text });
        knownRef.current = result.paragraph;
        draftJournal.stored(paragraphId, text);
        if (draftRef.current === text) {
          if (result.paragraph.target === text) {
            draftRef.current = null;
            acceptedRef.current = null;
            setDraft(null);
          } else {
            acceptedRef.current = text;
          }
          setSaveState('saved');
        } else {
          setSaveState('pending');
        }
        setRowError(null);
        propsRef.current.onSaved(result.paragraph, result.signOffWithdrawn, propsRef.current.number);
        return true;
      } catch (err) {
        setRowError({ kind: 'save', error: err });
        setSaveState('failed');
        return false;
      }
    });
    chainRef.current = run;
    return run;
  }, [api, paragraphId]);

  // Register with the editor (bulk actions flush every row; Ctrl+Enter focuses the next row).
  useEffect(
    () => register(paragraphId, { flush: save, focus: () => textareaRef.current?.focus() }),
    [register, paragraphId, save],
  );

  // Leaving the editor, or the row leaving the (virtualized or filtered) list, never drops typed
  // text: a pending save is sent at once, and the text is kept until it is stored.
  useEffect(() => {
    if (draftRef.current !== null) void save();
    return () => {
      const text = draftRef.current;
      if (text === null) return;
      unsavedDrafts.keep(paragraphId, text);
      void save().then((ok) => ok && unsavedDrafts.stored(paragraphId, text));
    };
  }, [save, paragraphId]);
  // A row with unsaved text stays mounted while it is scrolled out of view.
  useReportUnsaved(paragraphId, draft !== null);

  const effort = useEditEffort(paragraphId);

  const onText = (value: string): void => {
    effort.onInput();
    draftRef.current = value;
    draftJournal.note(paragraphId, value);
    setDraft(value);
    setSaveState('pending');
    if (timerRef.current !== null) clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => {
      timerRef.current = null;
      void save();
    }, autosaveDelay());
  };

  const onBlur = (): void => {
    effort.flush();
    if (draftRef.current === null) return;
    void save().then((ok) => {
      if (ok && draftRef.current !== null && draftRef.current === acceptedRef.current && textareaRef.current?.ownerDocument.activeElement !== textareaRef.current) {
        draftRef.current = null;
        acceptedRef.current = null;
        setDraft(null);
      }
    });
  };

  const runAction = useCallback(
    async (kind: 'confirm' | 'signOff', moveFocus: boolean): Promise<void> => {
      const text = draftRef.current ?? knownRef.current.target;
      if (text.trim() === '') return;
      if (moveFocus) propsRef.current.onFocusNext(paragraphId);
      setActing(true);
      try {
        if (!(await save())) return;
        const current = knownRef.current;
        if (kind === 'confirm' && !isConfirmable(current)) return;
        if (kind === 'signOff' && current.status === 'signed-off') return;
        const ids = { paragraphIds: [paragraphId] };
        let updated: Paragraph[];
        if (kind === 'confirm') updated = await api.confirmParagraphs(ids);
        else {
          // Faster than reading speed: ask first (workflow/FastConfirmContext).
          const review = signals.signalsFor(ids.paragraphIds);
          const fast = fastCandidates([{ id: paragraphId, number: propsRef.current.number, target: current.target }], review, propsRef.current.targetLang);
          // QA errors: the override form is the one question (it says when it is also fast).
          const held = signOffGate(current, propsRef.current.number, fast.length > 0);
          if (held) return setGate(held);
          if (!(await confirmFast(fast))) return;
          // The QA gate: a paragraph with QA errors needs an override reason (workflow/RowWorkflow).
          const result = await api.signOffReviewed({ ...ids, review });
          propsRef.current.onFastSignOffs?.(result.fast);
          updated = result.signedOff;
          const skipped = result.skipped[0];
          if (skipped?.reason === 'qa') setGate(skipped);
          else if (skipped?.reason === 'excluded') throw { code: 'PARAGRAPH_EXCLUDED', message: '', details: { count: 1, paragraphs: [skipped.number] } };
          else if (skipped) throw { code: skipped.reason === 'empty' ? 'PARAGRAPH_EMPTY' : 'PARAGRAPH_NOT_CONFIRMABLE', message: '' };
        }
        const mine = updated.find((p) => p.id === paragraphId);
        if (mine) knownRef.current = mine;
        setRowError(null);
        propsRef.current.onParagraphs(updated);
      } catch (err) {
        setRowError({ kind: 'action', error: err });
      } finally {
        setActing(false);
      }
    },
    [api, paragraphId, save, signals, confirmFast, signOffGate],
  );

  const onUndoChange = useCallback((change: ParagraphChange) => {
    knownRef.current = change.paragraph;
    setRowError(null);
    propsRef.current.onSaved(change.paragraph, change.signOffWithdrawn, propsRef.current.number);
  }, []);
  const onUndoError = useCallback((err: unknown) => setRowError({ kind: 'action', error: err }), []);
  const undo = useParagraphUndo(paragraphId, save, onUndoChange, onUndoError);

  // Translation memory: inserting a match is a revision with origin `tm` (memory/TmMatches).
  const tmRef = useRef<TmMatchesHandle | null>(null);
  const insertTm = useCallback(
    async (unitId: number): Promise<void> => {
      if (!(await save())) return;
      try {
        onUndoChange(await api.applyTmMatch({ paragraphId, unitId }));
      } catch (err) {
        setRowError({ kind: 'action', error: err });
      }
    },
    [api, paragraphId, save, onUndoChange],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLElement>): void => {
    // Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y): the paragraph's own undo history, kept across reloads.
    const key = e.key.toLowerCase();
    const tmIndex = tmShortcutIndex(e);
    if (tmIndex !== null && tmRef.current?.insert(tmIndex)) {
      e.preventDefault();
      return;
    }
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (key === 'z' || key === 'y')) {
      e.preventDefault();
      void (key === 'y' || e.shiftKey ? undo.redo() : undo.undo());
      return;
    }
    // Ctrl+Shift+S: sign off (editors).
    if ((e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && key === 's') {
      e.preventDefault();
      if (propsRef.current.isEditor) void runAction('signOff', false);
      return;
    }
    if (e.key !== 'Enter' || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
    e.preventDefault();
    void runAction('confirm', true);
  };

  const text = draft ?? paragraph.target;
  const changed = draft !== null && draft !== paragraph.target;
  const empty = text.trim() === '';
  const confirmDisabled = acting || empty || (!changed && !isConfirmable(paragraph));
  const signOffDisabled = acting || empty || (!changed && paragraph.status === 'signed-off') || paragraph.excluded !== undefined;
  const saveText =
    saveState === 'pending' || saveState === 'saving'
      ? t('editor.row.saving')
      : saveState === 'saved'
        ? t('editor.row.saved')
        : '';

  let kindLabel: string | null = null;
  if (paragraph.kind === 'heading') kindLabel = t('editor.row.kindHeading', { level: paragraph.marker ?? '' });
  else if (paragraph.kind === 'list-item') kindLabel = t('editor.row.kindListItem');
  else if (paragraph.kind === 'quote') kindLabel = t('editor.row.kindQuote');

  return (
    <div role="row" aria-rowindex={props.rowIndex} data-paragraph-id={paragraph.id} className={`paragraph-row status-${paragraph.status}${rowError ? ' has-error' : ''}${paragraph.excluded ? ' is-excluded' : ''}`}>
      <div role="cell" className="cell-number">
        {number}
      </div>
      <div role="cell" className="cell-source">
        {kindLabel && <span className="kind-badge">{kindLabel}</span>}
        {paragraph.place && <span className="kind-badge place-badge">{placeLabel(paragraph.place, t)}</span>}
        <SourceText
          id={sourceId}
          className={`source-text kind-${paragraph.kind}`}
          lang={sourceLang}
          text={paragraph.source}
          codes={paragraph.codes}
          unknownWords={paragraph.mt?.unknownWords ?? NO_WORDS}
        />
        <ReopenedSource paragraph={paragraph} sourceLang={sourceLang} targetLang={targetLang} dir={dir} />
      </div>
      <div role="cell" className="cell-target">
        {paragraph.codes && paragraph.codes.length > 0 ? (
          <TokenEditor
            value={text}
            codes={paragraph.codes}
            label={t('editor.row.translation')}
            describedBy={sourceId}
            invalid={rowError?.kind === 'save'}
            lang={targetLang}
            dir={dir}
            elementRef={(el) => {
              textareaRef.current = el;
            }}
            onText={onText}
            onBlur={onBlur}
            onFocus={() => setActiveParagraph(paragraph.id)}
            onKeyDown={onKeyDown}
          />
        ) : (
        <textarea
          ref={(el) => {
            textareaRef.current = el;
          }}
          className="translation"
          aria-label={t('editor.row.translation')}
          aria-describedby={sourceId}
          aria-invalid={rowError?.kind === 'save' || undefined}
          lang={targetLang}
          dir={dir}
          rows={3}
          maxLength={LIMITS.paragraphChars}
          value={text}
          onChange={(e) => onText(e.target.value)}
          onBlur={onBlur}
          onFocus={() => setActiveParagraph(paragraph.id)}
          onKeyDown={onKeyDown}
        />
        )}
        {rowError && (
          <p role="alert" className="alert row-alert">
            {rowError.kind === 'save'
              ? t('editor.row.saveFailed', { error: formatError(rowError.error) })
              : formatError(rowError.error)}
          </p>
        )}
        <TmMatches paragraph={paragraph} sourceLang={sourceLang} targetLang={targetLang} dir={dir} handleRef={tmRef} onInsert={insertTm} />
        <RowWorkflow
          paragraph={paragraph}
          number={number}
          text={text}
          sourceLang={sourceLang}
          targetLang={targetLang}
          dir={dir}
          gate={gate}
          onGateClosed={() => {
            // Signed off with a reason, or cancelled: focus stays in the row (the form goes away).
            setGate(null);
            textareaRef.current?.focus();
          }}
          onParagraphs={(updated) => propsRef.current.onParagraphs(updated)}
          onError={onUndoError}
          undo={undo}
          isEditor={isEditor}
        />
      </div>
      <div role="cell" className="cell-status">
        {paragraph.status === 'signed-off' && paragraph.signatureBroken ? (
          // The status column says signed off, the signature says otherwise (issue 12): the signature wins.
          <span className="status-badge status-signature-broken" title={t('signatures.status.brokenHint')}>
            {t('signatures.status.broken')}
          </span>
        ) : (
          <span className={`status-badge status-${paragraph.status}`}>{t(`status.${statusKey(paragraph.status)}`)}</span>
        )}
        <ExclusionBadge paragraph={paragraph} />
        {paragraph.status === 'signed-off' && paragraph.signOff && (
          <span className="meta">{t('editor.row.signedOffBy', { name: paragraph.signOff.name })}</span>
        )}
        {engineName && <span className="meta engine">{t('editor.row.engine', { engine: engineName })}</span>}
        <MtProvenance paragraph={paragraph} number={number} />
        <span className="meta save-state">{saveText}</span>
      </div>
      <div role="cell" className="cell-actions">
        <button type="button" disabled={confirmDisabled} onClick={() => void runAction('confirm', false)}>
          {t('editor.row.confirm')}
        </button>
        <RetranslateButton paragraph={paragraph} number={number} />
        {isEditor && (
          <button type="button" disabled={signOffDisabled} onClick={() => void runAction('signOff', false)}>
            {t('editor.row.signOff')}
          </button>
        )}
        <ExclusionToggle paragraph={paragraph} isEditor={isEditor} onParagraphs={props.onParagraphs} onError={onUndoError} />
      </div>
    </div>
  );
}

export const ParagraphRow = memo(ParagraphRowImpl);
