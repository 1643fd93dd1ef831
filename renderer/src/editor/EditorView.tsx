/**
 * The editor: one row per paragraph, machine translation of the whole document as a background
 * job, bulk sign-off for editors, and export.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { languageInfo } from '../../../shared/languages.js';
import type {
  DocumentDetail,
  EngineInfo,
  ErrorCode,
  Paragraph,
  Profile,
} from '../../../shared/types.js';
import { ERROR_CODES } from '../../../shared/types.js';
import { useApi } from '../api/ApiProvider.js';
import { useJobProgress } from '../api/jobs.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useLanguageName } from '../i18n/useLanguageName.js';
import { ParagraphRow, type RowHandle } from './ParagraphRow.js';
import { countSignedOff, mergeParagraphs, mergeReloaded, supportsPair } from './paragraphs.js';
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
import { ReopenedProvider } from '../importing/ReopenedContext.js';
import { ExportPanel } from '../exporting/ExportPanel.js';
import { ExcludeShownActions } from '../workflow/ExcludeShownActions.js';

/** A message kept as a function of `t`, so it follows a change of interface language. */
type Message = { render: (t: TFunction) => string } | null;

interface ActiveJob {
  jobId: string;
  total: number;
}

function isErrorCode(value: string | null): value is ErrorCode {
  return value !== null && (ERROR_CODES as readonly string[]).includes(value);
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
  const ids = { heading: useId(), engine: useId(), shortcut: useId() };
  const headingRef = useRef<HTMLHeadingElement>(null);

  const [doc, setDoc] = useState<DocumentDetail | null>(initial && initial.id === documentId ? initial : null);
  const [loadError, setLoadError] = useState<unknown>(null);
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

  const shortcuts = useEditorShortcuts(
    doc,
    (id) => {
      const row = rows.current.get(id);
      row?.focus();
      return row !== undefined;
    },
    () => setStatus({ render: (tt) => tt('workflow.shortcuts.noQa') }),
  );

  const loaded = doc !== null;
  useEffect(() => {
    if (loaded) headingRef.current?.focus();
  }, [loaded]);

  const reload = useCallback(async (): Promise<void> => {
    try {
      const fresh = await api.getDocument({ documentId });
      setDoc((current) => mergeReloaded(current, fresh));
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

  // Job progress arrives as events (kept app-wide, so none is missed while this view mounts).
  const progress = useJobProgress(documentId);
  useEffect(() => {
    if (!progress) return;
    if (activeJob === null) {
      if (progress.state === 'running' && busy !== 'translate') setActiveJob({ jobId: progress.jobId, total: progress.total });
      return;
    }
    if (progress.jobId !== activeJob.jobId || progress.state === 'running') return;
    setActiveJob(null);
    if (progress.state === 'done') setStatus({ render: (tt) => tt('editor.translate.done') });
    else if (progress.state === 'cancelled') setStatus({ render: (tt) => tt('editor.translate.cancelled') });
    else setAlert(progress.error ?? { code: 'ENGINE_FAILED', message: 'Translation job failed' });
    void reload();
  }, [progress, activeJob, busy, reload]);

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

  const onSaved = useCallback((paragraph: Paragraph, signOffWithdrawn: boolean, number: number) => {
    setDoc((d) => (d ? mergeParagraphs(d, [paragraph]) : d));
    if (signOffWithdrawn) setNotice({ render: (tt) => tt('editor.notice.signOffWithdrawn', { number }) });
  }, []);

  const onParagraphs = useCallback((paragraphs: Paragraph[]) => {
    setDoc((d) => (d ? mergeParagraphs(d, paragraphs) : d));
  }, []);

  const onFocusNext = useCallback((paragraphId: string) => {
    const list = docRef.current?.paragraphs ?? [];
    const at = list.findIndex((p) => p.id === paragraphId);
    const next = at >= 0 ? list[at + 1] : undefined;
    if (next) rows.current.get(next.id)?.focus();
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
      if (job.total === 0) setStatus({ render: (tt) => tt('editor.translate.nothing') });
      else setActiveJob({ jobId: job.jobId, total: job.total });
    } catch (err) {
      setAlert(err);
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
      const count = result.signedOff.length;
      setStatus({ render: (tt) => tt('editor.signOffAll.done', { count }) });
    } catch (err) {
      setAlert(err);
    } finally {
      setBusy(null);
    }
  }

  async function back(): Promise<void> {
    startAction('back');
    const saved = await flushAll();
    setBusy(null);
    if (saved) onBack();
    else setUnsaved(true);
  }

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
  const excludedCount = doc.paragraphs.filter((p) => p.excluded).length;
  const total = doc.paragraphs.length - excludedCount;
  const signedOff = countSignedOff(doc.paragraphs);
  const confirmedCount = doc.paragraphs.filter((p) => p.status === 'translated' && !p.excluded).length;
  const isEditor = profile.role === 'editor';
  const source = languageName(doc.sourceLang);
  const target = languageName(doc.targetLang);
  const dir = languageInfo(doc.targetLang)?.dir ?? 'auto';
  const jobDone = activeJob && progress?.jobId === activeJob.jobId ? progress.done : 0;
  const jobTotal = activeJob && progress?.jobId === activeJob.jobId ? progress.total : (activeJob?.total ?? 0);
  const noEngine = engines !== null && usable.length === 0;
  const reasons = noEngine
    ? (engines ?? [])
        .filter((e) => isErrorCode(e.unavailableReason))
        .map((e) => ({ id: e.id, name: e.name, code: e.unavailableReason as ErrorCode }))
    : [];

  return (
    <section className="view editor" aria-labelledby={ids.heading}>
      <EngineJobProvider
        value={{ engineId, busy: activeJob !== null || busy !== null, flushAll, onJobStarted: (job) => setActiveJob(job) }}
      >
      <div className="editor-header">
        <div className="editor-title">
          <button type="button" className="button-quiet back" onClick={() => void back()} disabled={busy === 'back'}>
            {t('editor.back.action')}
          </button>
          <h1 id={ids.heading} ref={headingRef} tabIndex={-1} lang={doc.sourceLang}>
            {doc.title}
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

      <div className="toolbar">
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
            shown={visibility ? (p) => visibility.test(p) : null}
            disabled={usable.length === 0}
            onError={setAlert}
            onNothing={() => setStatus({ render: (tt) => tt('editor.translate.nothing') })}
          />
          {engines === null && <span className="meta">{t('editor.translate.checking')}</span>}
          {isEditor && (
            <button
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
        <div className="job">
          <progress aria-label={t('editor.translate.progressLabel')} max={Math.max(jobTotal, 1)} value={jobDone} />
          <span className="job-count">{t('editor.translate.progressCount', { done: jobDone, total: jobTotal })}</span>
          <button type="button" onClick={() => void cancelJob()}>
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
      <p role="status" className="status-line">
        {status ? status.render(t) : ''}
      </p>
      <p role="status" className="notice">
        {notice ? notice.render(t) : ''}
      </p>
      <FastNotice fast={fast} />
      <BulkSkipped skipped={skipped} onFocusParagraph={(id) => rows.current.get(id)?.focus()} />
      <DocumentQa doc={doc} onFocusParagraph={(id) => rows.current.get(id)?.focus()} />
      <TmPrefill doc={doc} onParagraphs={onParagraphs} />
      <DocumentDashboard doc={doc} onFocusParagraph={(id) => rows.current.get(id)?.focus()} />

      <p id={ids.shortcut} className="hint shortcut">
        {t('editor.shortcut.hint')}
      </p>
      {shortcuts.helpOpen && <ShortcutHelp isEditor={isEditor} onClose={() => shortcuts.setHelpOpen(false)} />}
      <ReviewSignalsProvider signals={reviewSignals}>
      <CommentsProvider documentId={doc.id}>
      <ReopenedProvider documentId={doc.id} version={reimports}>
      <FindBar doc={doc} onVisibility={setVisibility} flushAll={flushAll} onParagraphs={onParagraphs} />
      <div
        role="table"
        aria-label={t('editor.table.label')}
        aria-describedby={ids.shortcut}
        className="paragraphs"
        onKeyDown={shortcuts.onTableKeyDown}
      >
        {doc.paragraphs.map((p, i) => visibility && !visibility.test(p) ? null : (
          <ParagraphRow
            key={p.id}
            paragraph={p}
            number={i + 1}
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
        ))}
      </div>
      </ReopenedProvider>
      </CommentsProvider>
      </ReviewSignalsProvider>
      </EngineJobProvider>
    </section>
  );
}
