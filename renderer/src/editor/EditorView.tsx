/**
 * The editor: one row per paragraph, machine translation of the whole document as a background
 * job, bulk sign-off for editors, and export.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { languageInfoOrBase } from '../../../shared/languages.js';
import type {
  DocumentDetail,
  EngineInfo,
  ErrorCode,
  Paragraph,
  Profile,
} from '../../../shared/types.js';
import { ERROR_CODES } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { useJobPhase, useJobProgress } from '../api/jobs.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useLanguageName } from '../i18n/useLanguageName.js';
import { ParagraphRow, type RowHandle } from './ParagraphRow.js';
import { countSignedOff, mergeParagraphs, mergeReloaded, mergeReloadedParagraphs, supportsPair } from './paragraphs.js';
import { loadParagraphs } from './loadParagraphs.js';
import { ParagraphList, type ParagraphListHandle } from './ParagraphList.js';
import { GoToParagraph } from './GoToParagraph.js';
import { REGION_ATTRIBUTE, cycleRegions, focusRegion } from './regions.js';
import { useStickyTop } from './useStickyTop.js';
import { canTakeFocus, focusIsLost, restoreFocus } from '../components/restoreFocus.js';
import type { FastSignOff, SkippedParagraph } from '../../../shared/features/workflowApi.js';
import { BulkSkipped } from '../workflow/BulkSkipped.js';
import { DocumentQa } from '../workflow/DocumentQa.js';
import { DocumentDashboard } from '../workflow/DocumentDashboard.js';
import { TmPrefill } from '../memory/TmPrefill.js';
import { ShortcutHelp } from '../workflow/ShortcutHelp.js';
import { CommentsProvider } from '../workflow/CommentsContext.js';
import { FindBar, type RowVisibility } from '../workflow/FindBar.js';
import { ReviewSignalsProvider, useMeasuredReviewSignals } from '../workflow/ReviewSignalsContext.js';
import { FastNotice } from '../workflow/FastNotice.js';
import { useFastConfirm } from '../workflow/FastConfirmContext.js';
import { fastCandidates } from '../workflow/fastCandidates.js';
import { useEditorShortcuts } from '../workflow/useEditorShortcuts.js';
import { EngineJobProvider } from '../engines/EngineJobContext.js';
import { EngineAvailability } from '../engines/EngineAvailability.js';
import { TranslateScopeActions } from '../engines/TranslateScopeActions.js';
import { ReimportPanel } from '../importing/ReimportPanel.js';
import { ImportReportPanel } from '../importing/ImportReport.js';
import { ReopenedProvider } from '../importing/ReopenedContext.js';
import { ExportPanel } from '../exporting/ExportPanel.js';
import { ExcludeShownActions } from '../workflow/ExcludeShownActions.js';
import { SafeText } from '../components/SafeText.js';

/** A message kept as a function of `t`, so it follows a change of interface language. */
type Message = { render: (t: TFunction) => string } | null;

interface ActiveJob {
  jobId: string;
  total: number;
}

/** How long a focus request waits for its target to become focusable (ms). */
const FOCUS_REQUEST_MS = 3000;

function isErrorCode(value: string | null): value is ErrorCode {
  return value !== null && (ERROR_CODES as readonly string[]).includes(value);
}

/** The running job's progress; re-renders on each progress event without re-rendering the editor. */
function JobProgressBar({ documentId, job }: { documentId: string; job: ActiveJob }) {
  const { t } = useTranslation();
  const progress = useJobProgress(documentId);
  const mine = progress?.jobId === job.jobId;
  const done = mine ? progress.done : 0;
  const total = mine ? progress.total : job.total;
  return (
    <>
      <progress aria-label={t('editor.translate.progressLabel')} max={Math.max(total, 1)} value={done} />
      <span className="job-count">{t('editor.translate.progressCount', { done, total })}</span>
    </>
  );
}

export function EditorView({
  documentId,
  initial,
  profile,
  onBack,
}: {
  documentId: string;
  initial: DocumentDetail | null;
  profile: Profile;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const languageName = useLanguageName();
  const ids = { heading: useId(), engine: useId(), shortcut: useId(), list: useId() };
  const headingRef = useRef<HTMLHeadingElement>(null);

  const [doc, setDoc] = useState<DocumentDetail | null>(initial && initial.id === documentId ? initial : null);
  const [loadError, setLoadError] = useState<unknown>(null);
  // A Word or XLIFF import's report is shown right after the import (issue 14); reopened from the toolbar.
  const [reportOpen, setReportOpen] = useState(initial?.id === documentId && initial.importReport !== undefined);
  const [engines, setEngines] = useState<EngineInfo[] | null>(null);
  const [engineError, setEngineError] = useState<unknown>(null);
  const [engineId, setEngineId] = useState('');
  const [activeJob, setActiveJob] = useState<ActiveJob | null>(null);
  const [alert, setAlert] = useState<unknown>(null);
  const [status, setStatus] = useState<Message>(null);
  const [notice, setNotice] = useState<Message>(null);
  const [busy, setBusy] = useState<'translate' | 'signOff' | 'export' | 'back' | null>(null);
  const [unsaved, setUnsaved] = useState(false);
  const [skipped, setSkipped] = useState<SkippedParagraph[]>([]);
  const [visibility, setVisibility] = useState<RowVisibility | null>(null);
  const reviewSignals = useMeasuredReviewSignals();
  const confirmFast = useFastConfirm();
  // Dwell time belongs to the person reading: a profile switch starts measuring anew.
  useEffect(() => reviewSignals.reset(), [reviewSignals, profile.id]);
  const [fast, setFast] = useState<FastSignOff[]>([]);
  const [reimports, setReimports] = useState(0);

  const rows = useRef(new Map<string, RowHandle>());
  const docRef = useRef(doc);
  useEffect(() => {
    docRef.current = doc;
  }, [doc]);

  // The paragraph list is virtualized (editor/ParagraphList): moving to a paragraph goes through it.
  const list = useRef<ParagraphListHandle>(null);
  const focusParagraph = useCallback((id: string) => list.current?.focusParagraph(id) ?? false, []);
  const getRow = useCallback((id: string) => rows.current.get(id), []);

  const shortcuts = useEditorShortcuts(
    doc,
    focusParagraph,
    () => setStatus({ render: (tt) => tt('workflow.shortcuts.noQa') }),
  );

  // Keyboard and focus (issue 11): F6 regions, Ctrl+G, the sticky toolbar, focus after bulk actions.
  const toolbarRef = useRef<HTMLDivElement>(null);
  const stickyTop = useStickyTop(toolbarRef, doc !== null);
  const [goToOpen, setGoToOpen] = useState(false);
  const goToBefore = useRef<Element | null>(null);
  const focusList = useCallback(() => list.current?.focusCurrent() ?? false, []);
  useEffect(() => {
    function onKey(e: KeyboardEvent): void {
      // A modal dialog keeps the keyboard to itself.
      if (document.querySelector('[aria-modal="true"]')) return;
      if (e.key === 'F6' && !e.ctrlKey && !e.metaKey && !e.altKey) {
        e.preventDefault();
        cycleRegions(document, e.shiftKey ? -1 : 1, focusList);
        return;
      }
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'g' && docRef.current) {
        e.preventDefault();
        goToBefore.current = document.activeElement;
        setGoToOpen(true);
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [focusList]);
  /**
   * After a bulk action, focus goes to `target` once it can take it, unless the person has moved
   * on meanwhile: only when focus is lost, or still among the toolbar's controls (where the action
   * and a closed dialog leave it), never out of a row or panel the person went to.
   */
  const focusAfter = useRef<{ target: () => HTMLElement | null | undefined; at: number } | null>(null);
  const requestFocus = useCallback((target: () => HTMLElement | null | undefined) => {
    focusAfter.current = { target, at: Date.now() };
  }, []);
  useLayoutEffect(() => {
    const pending = focusAfter.current;
    if (!pending) return;
    if (Date.now() - pending.at > FOCUS_REQUEST_MS) {
      focusAfter.current = null;
      return;
    }
    const el = pending.target();
    if (!canTakeFocus(el)) return;
    focusAfter.current = null;
    const active = document.activeElement;
    const leftByAction = active === headingRef.current || toolbarRef.current?.contains(active) || jobRef.current?.contains(active);
    if (focusIsLost() || leftByAction) el.focus();
  });
  const translateAllRef = useRef<HTMLButtonElement>(null);
  const signOffAllRef = useRef<HTMLButtonElement>(null);
  const cancelJobRef = useRef<HTMLButtonElement>(null);
  const jobRef = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const panelsRef = useRef<HTMLElement>(null);

  const loaded = doc !== null;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  // After a job: the paragraphs page by page (editor/loadParagraphs), applied together in one update.
  const reload = useCallback(async (): Promise<void> => {
    try {
      const fresh = await loadParagraphs(api, documentId);
      if (fresh) {
        setDoc((current) => mergeReloadedParagraphs(current, documentId, fresh));
        return;
      }
      const whole = await api.getDocument({ documentId });
      setDoc((current) => mergeReloaded(current, whole));
    } catch (err) {
      setAlert(err);
    }
  }, [api, documentId]);

  useEffect(() => {
    if (initial && initial.id === documentId) return;
    let live = true;
    api.getDocument({ documentId }).then(
      (fresh) => live && setDoc(fresh),
      (err: unknown) => live && setLoadError(err),
    );
    return () => {
      live = false;
    };
  }, [api, documentId, initial]);

  const sourceLang = doc?.sourceLang ?? null;
  const targetLang = doc?.targetLang ?? null;
  useEffect(() => {
    if (sourceLang === null || targetLang === null) return;
    let live = true;
    api.listEngines({ sourceLang, targetLang }).then(
      (list) => {
        if (!live) return;
        setEngines(list);
        setEngineId(list.find((e) => supportsPair(e, sourceLang, targetLang))?.id ?? '');
      },
      (err: unknown) => {
        if (!live) return;
        setEngines([]);
        setEngineError(err);
      },
    );
    return () => {
      live = false;
    };
  }, [api, sourceLang, targetLang]);

  const usable = useMemo(
    () => (engines && sourceLang && targetLang ? engines.filter((e) => supportsPair(e, sourceLang, targetLang)) : []),
    [engines, sourceLang, targetLang],
  );
  const engineNames = useMemo(() => new Map((engines ?? []).map((e) => [e.id, e.name])), [engines]);

  // Job progress arrives as events (kept app-wide, so none is missed while this view mounts). The
  // view re-renders when a job starts or ends; only the progress bar follows every count.
  const progress = useJobPhase(documentId);
  useEffect(() => {
    if (!progress) return;
    if (activeJob === null) {
      if (progress.state === 'running' && busy !== 'translate') setActiveJob({ jobId: progress.jobId, total: progress.total });
      return;
    }
    if (progress.jobId !== activeJob.jobId || progress.state === 'running') return;
    setActiveJob(null);
    // Done, cancelled or failed: back to "Translate all" (the Cancel button goes away).
    requestFocus(() => translateAllRef.current);
    if (progress.state === 'done') setStatus({ render: (tt) => tt('editor.translate.done') });
    else if (progress.state === 'cancelled') setStatus({ render: (tt) => tt('editor.translate.cancelled') });
    else setAlert(progress.error ?? { code: 'ENGINE_FAILED', message: 'Translation job failed' });
    void reload();
  }, [progress, activeJob, busy, reload, requestFocus]);

  const register = useCallback((id: string, handle: RowHandle) => {
    rows.current.set(id, handle);
    return () => {
      if (rows.current.get(id) === handle) rows.current.delete(id);
    };
  }, []);

  const flushAll = useCallback(async (): Promise<boolean> => {
    const results = await Promise.all([...rows.current.values()].map((h) => h.flush()));
    return results.every(Boolean);
  }, []);

  // The page going away (reload, closed tab or window): pending text is sent at once (the bridge
  // keeps small requests alive past the page; editor/draftJournal keeps it for the next start too).
  useEffect(() => {
    const onHide = (): void => void flushAll();
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [flushAll]);

  const onSaved = useCallback((paragraph: Paragraph, signOffWithdrawn: boolean, number: number) => {
    setDoc((d) => (d ? mergeParagraphs(d, [paragraph]) : d));
    if (signOffWithdrawn) setNotice({ render: (tt) => tt('editor.notice.signOffWithdrawn', { number }) });
  }, []);

  const onParagraphs = useCallback((paragraphs: Paragraph[]) => {
    setDoc((d) => (d ? mergeParagraphs(d, paragraphs) : d));
  }, []);

  const onFocusNext = useCallback((paragraphId: string) => {
    list.current?.focusAfter(paragraphId, 1);
  }, []);

  function startAction(kind: NonNullable<typeof busy>): void {
    setBusy(kind);
    setUnsaved(false);
    setAlert(null);
    setStatus(null);
  }

  async function translateAll(): Promise<void> {
    if (!doc || !engineId) return;
    startAction('translate');
    try {
      await flushAll();
      const job = await api.translateParagraphs({ documentId: doc.id, engineId });
      if (job.total === 0) {
        setStatus({ render: (tt) => tt('editor.translate.nothing') });
        requestFocus(() => translateAllRef.current);
      } else {
        setActiveJob({ jobId: job.jobId, total: job.total });
        // While it runs, Cancel is one key away.
        requestFocus(() => cancelJobRef.current);
      }
    } catch (err) {
      setAlert(err);
      requestFocus(() => translateAllRef.current);
    } finally {
      setBusy(null);
    }
  }

  async function cancelJob(): Promise<void> {
    if (!activeJob) return;
    try {
      const { cancelled } = await api.cancelJob({ jobId: activeJob.jobId });
      if (!cancelled) {
        // Already over: do not wait for an event that may have been missed.
        setActiveJob(null);
        await reload();
      }
    } catch (err) {
      setAlert(err);
      setActiveJob(null);
      await reload();
    }
  }

  /** Signs off every confirmed paragraph, or (`shown`) every paragraph the find/filter bar shows that is not signed off yet. */
  async function signOffAllConfirmed(shown = false): Promise<void> {
    startAction('signOff');
    let anySkipped = false;
    try {
      await flushAll();
      const ids = (docRef.current?.paragraphs ?? [])
        .filter((p) => !p.excluded && (shown ? p.status !== 'signed-off' && (!visibility || visibility.test(p)) : p.status === 'translated'))
        .map((p) => p.id);
      setSkipped([]);
      if (ids.length === 0) return;
      const review = reviewSignals.signalsFor(ids);
      const paragraphs = docRef.current?.paragraphs ?? [];
      const at = new Map(paragraphs.map((p, i) => [p.id, i]));
      const candidates = ids.map((id) => {
        const index = at.get(id) ?? -1;
        return { id, number: index + 1, target: paragraphs[index]?.target ?? '' };
      });
      // Faster than reading speed: ask first (workflow/FastConfirmContext).
      if (!(await confirmFast(fastCandidates(candidates, review, docRef.current?.targetLang ?? 'en')))) return;
      // The QA gate skips paragraphs with QA errors and says which (workflow/BulkSkipped).
      const result = await api.signOffReviewed({ paragraphIds: ids, review });
      onParagraphs(result.signedOff);
      setFast(result.fast);
      setSkipped(result.skipped);
      anySkipped = result.skipped.length > 0;
      const count = result.signedOff.length;
      setStatus({ render: (tt) => tt('editor.signOffAll.done', { count }) });
    } catch (err) {
      setAlert(err);
    } finally {
      setBusy(null);
      // The first skipped paragraph's entry if any; else the button, or the message saying what was done.
      requestFocus(() =>
        anySkipped
          ? panelsRef.current?.querySelector<HTMLElement>('.bulk-skipped button')
          : canTakeFocus(signOffAllRef.current)
            ? signOffAllRef.current
            : statusRef.current,
      );
    }
  }

  async function back(): Promise<void> {
    startAction('back');
    const saved = await flushAll();
    setBusy(null);
    if (saved) onBack();
    else setUnsaved(true);
  }

  // One value while nothing changes, so the rows' engine controls do not re-render for nothing.
  const jobsBusy = activeJob !== null || busy !== null;
  const engineJobs = useMemo(() => ({ engineId, busy: jobsBusy, flushAll, onJobStarted: setActiveJob }), [engineId, jobsBusy, flushAll]);

  // Counted once per document change, not on every render (10,000 paragraphs).
  const paragraphs = doc?.paragraphs;
  const counts = useMemo(() => {
    const list = paragraphs ?? [];
    let confirmed = 0;
    let excluded = 0;
    for (const p of list) {
      if (p.excluded) excluded++;
      else if (p.status === 'translated') confirmed++;
    }
    return { signedOff: countSignedOff(list), confirmed, excluded };
  }, [paragraphs]);
  /** Positions of the paragraphs the find/filter bar shows (null: all). */
  const shownPositions = useMemo(() => {
    if (!paragraphs || !visibility) return null;
    const out: number[] = [];
    paragraphs.forEach((p, i) => {
      if (visibility.test(p)) out.push(i);
    });
    return out;
  }, [paragraphs, visibility]);

  if (!doc) {
    return (
      <section className="view editor" aria-labelledby={ids.heading}>
        <div className="view-header">
          <h1 id={ids.heading} ref={headingRef} tabIndex={-1} className="visually-hidden">
            {t('app.loading')}
          </h1>
          <button type="button" onClick={onBack}>
            {t('editor.back.action')}
          </button>
        </div>
        {loadError ? <ErrorAlert error={loadError} /> : <p className="muted">{t('app.loading')}</p>}
      </section>
    );
  }

  // Paragraphs excluded from translation are done: progress counts the others only.
  const excludedCount = counts.excluded;
  const total = doc.paragraphs.length - excludedCount;
  const signedOff = counts.signedOff;
  const confirmedCount = counts.confirmed;
  const isEditor = profile.role === 'editor';
  const source = languageName(doc.sourceLang);
  const target = languageName(doc.targetLang);
  const dir = languageInfoOrBase(doc.targetLang)?.dir ?? 'auto';
  const noEngine = engines !== null && usable.length === 0;
  const reasons = noEngine
    ? (engines ?? [])
        .filter((e) => isErrorCode(e.unavailableReason))
        .map((e) => ({ id: e.id, name: e.name, code: e.unavailableReason as ErrorCode }))
    : [];

  return (
    <section className="view editor" aria-labelledby={ids.heading}>
      <EngineJobProvider value={engineJobs}>
      <div className="editor-header">
        <div className="editor-title">
          <button type="button" className="button-quiet back" onClick={() => void back()} disabled={busy === 'back'}>
            {t('editor.back.action')}
          </button>
          <h1 id={ids.heading} ref={headingRef} tabIndex={-1} lang={doc.sourceLang}>
            <SafeText text={doc.title} />
          </h1>
          <p className="languages">{t('editor.header.languages', { source, target })}</p>
        </div>
        <div className="signoff-progress">
          <p className="progress-text">
            {t('editor.progress.text', { done: signedOff, total })}
            {excludedCount > 0 && <span className="meta progress-excluded"> · {t('exclusion.progress.excluded', { count: excludedCount })}</span>}
          </p>
          <progress aria-label={t('editor.progress.label')} max={Math.max(total, 1)} value={signedOff} />
        </div>
      </div>

      {reportOpen && doc.importReport && (
        <ImportReportPanel
          report={doc.importReport}
          onClose={() => {
            setReportOpen(false);
            headingRef.current?.focus();
          }}
        />
      )}

      <a
        href={`#${ids.list}`}
        className="list-skip"
        onClick={(e) => {
          e.preventDefault();
          focusRegion(document, 'paragraphs', focusList);
        }}
      >
        {t('navigation.skip.toParagraphs')}
      </a>
      <div ref={toolbarRef} className="toolbar" role="region" aria-label={t('navigation.regions.toolbar')} {...{ [REGION_ATTRIBUTE]: 'toolbar' }}>
        <div className="toolbar-group">
          {usable.length > 1 && (
            <div className="field inline">
              <label htmlFor={ids.engine}>{t('editor.translate.engineLabel')}</label>
              <select id={ids.engine} value={engineId} onChange={(e) => setEngineId(e.target.value)}>
                {usable.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button
            ref={translateAllRef}
            type="button"
            className="button-primary"
            disabled={!engineId || usable.length === 0 || activeJob !== null || busy !== null}
            onClick={() => void translateAll()}
          >
            {t('editor.translate.all')}
          </button>
          {usable.length === 1 && (
            <span className="meta">{t('editor.translate.engineSingle', { engine: usable[0]!.name })}</span>
          )}
          <TranslateScopeActions
            documentId={doc.id}
            paragraphs={doc.paragraphs}
            shown={visibility ? visibility.test : null}
            disabled={usable.length === 0}
            onError={setAlert}
            onNothing={() => setStatus({ render: (tt) => tt('editor.translate.nothing') })}
          />
          {engines === null && <span className="meta">{t('editor.translate.checking')}</span>}
          {isEditor && (
            <button
              ref={signOffAllRef}
              type="button"
              disabled={confirmedCount === 0 || busy !== null}
              onClick={() => void signOffAllConfirmed()}
            >
              {t('editor.signOffAll.action')}
            </button>
          )}
          {isEditor && visibility && (
            <button type="button" disabled={busy !== null} onClick={() => void signOffAllConfirmed(true)}>
              {t('workflow.bulk.signOffShown')}
            </button>
          )}
          {visibility && (
            <ExcludeShownActions
              paragraphs={doc.paragraphs}
              shown={visibility.test}
              isEditor={isEditor}
              disabled={busy !== null || activeJob !== null}
              onParagraphs={onParagraphs}
              onError={setAlert}
              onStatus={(render) => setStatus({ render })}
            />
          )}
        </div>
        <ReimportPanel
          documentId={doc.id}
          disabled={activeJob !== null || busy !== null}
          beforeReimport={flushAll}
          onReimported={(fresh) => {
            setDoc(fresh);
            setReimports((n) => n + 1);
          }}
        />
        {doc.importReport && (
          <button type="button" className="button-quiet" aria-expanded={reportOpen} onClick={() => setReportOpen((open) => !open)}>
            {t('importing.report.open')}
          </button>
        )}
        <button type="button" className="button-quiet" aria-haspopup="dialog" onClick={() => shortcuts.setHelpOpen(true)}>
          {t('workflow.shortcuts.open')}
        </button>
        <ExportPanel
          documentId={doc.id}
          hasExcluded={excludedCount > 0}
          disabled={busy !== null}
          onStart={() => startAction('export')}
          beforeExport={flushAll}
          onDone={(render) => {
            setStatus({ render });
            setBusy(null);
          }}
          onError={(err) => {
            setAlert(err);
            setBusy(null);
          }}
        />
      </div>

      {noEngine && (
        <div className="engine-missing">
          <p>{t('editor.translate.noEngine', { source, target })}</p>
          {reasons.length > 0 && (
            <ul className="meta">
              {reasons.map((r) => (
                <li key={r.id}>{t('editor.translate.engineReason', { engine: r.name, reason: t(`errors.${r.code}`, { count: 1 }) })}</li>
              ))}
            </ul>
          )}
          <ErrorAlert error={engineError} />
        </div>
      )}

      <EngineAvailability sourceLang={doc.sourceLang} targetLang={doc.targetLang} />
      {activeJob && (
        <div ref={jobRef} className="job">
          <JobProgressBar documentId={doc.id} job={activeJob} />
          <button ref={cancelJobRef} type="button" onClick={() => void cancelJob()}>
            {t('editor.translate.cancel')}
          </button>
        </div>
      )}

      <ErrorAlert error={alert} />
      {unsaved && (
        <p role="alert" className="alert">
          {t('editor.back.unsaved')}
        </p>
      )}
      <p ref={statusRef} role="status" className="status-line" tabIndex={-1}>
        {status ? status.render(t) : ''}
      </p>
      <p role="status" className="notice">
        {notice ? notice.render(t) : ''}
      </p>
      <FastNotice fast={fast} />
      <aside ref={panelsRef} className="document-panels" aria-label={t('navigation.regions.panels')} {...{ [REGION_ATTRIBUTE]: 'panels' }}>
      <BulkSkipped skipped={skipped} onFocusParagraph={focusParagraph} />
      <DocumentQa doc={doc} onFocusParagraph={focusParagraph} />
      <TmPrefill doc={doc} onParagraphs={onParagraphs} />
      <DocumentDashboard doc={doc} onFocusParagraph={focusParagraph} />
      </aside>

      <p id={ids.shortcut} className="hint shortcut">
        {t('editor.shortcut.hint')}
      </p>
      {shortcuts.helpOpen && <ShortcutHelp isEditor={isEditor} onClose={() => shortcuts.setHelpOpen(false)} />}
      {goToOpen && (
        <GoToParagraph
          total={total}
          onGo={(number) => {
            const paragraph = doc.paragraphs[number - 1];
            if (!paragraph || !focusParagraph(paragraph.id)) return 'hidden';
            setGoToOpen(false);
            return 'done';
          }}
          onClose={() => {
            setGoToOpen(false);
            restoreFocus(goToBefore.current);
          }}
        />
      )}
      <ReviewSignalsProvider signals={reviewSignals}>
      <CommentsProvider documentId={doc.id}>
      <ReopenedProvider documentId={doc.id} version={reimports}>
      <FindBar doc={doc} onVisibility={setVisibility} flushAll={flushAll} onParagraphs={onParagraphs} />
      <section id={ids.list} className="paragraph-list" aria-label={t('navigation.regions.paragraphs')} {...{ [REGION_ATTRIBUTE]: 'paragraphs' }}>
      <ParagraphList
        ref={list}
        paragraphs={doc.paragraphs}
        shown={shownPositions}
        getRow={getRow}
        label={t('editor.table.label')}
        describedBy={ids.shortcut}
        onKeyDown={shortcuts.onTableKeyDown}
        stickyTop={stickyTop}
        renderRow={(p, number, rowIndex) => (
          <ParagraphRow
            paragraph={p}
            number={number}
            rowIndex={rowIndex}
            sourceLang={doc.sourceLang}
            targetLang={doc.targetLang}
            dir={dir}
            isEditor={isEditor}
            engineName={p.mt ? (engineNames.get(p.mt.engineId) ?? p.mt.engineId) : null}
            onSaved={onSaved}
            onParagraphs={onParagraphs}
            onFocusNext={onFocusNext}
            register={register}
            onFastSignOffs={setFast}
          />
        )}
      />
      <a
        href={`#${ids.heading}`}
        className="list-skip"
        onClick={(e) => {
          e.preventDefault();
          focusRegion(document, 'toolbar', focusList);
        }}
      >
        {t('navigation.skip.toToolbar')}
      </a>
      </section>
      </ReopenedProvider>
      </CommentsProvider>
      </ReviewSignalsProvider>
      </EngineJobProvider>
    </section>
  );
}
