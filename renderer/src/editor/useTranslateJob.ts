/**
 * Machine translation of the whole document as a background job: starting it ("Translate all"),
 * following it (job events, api/jobs.tsx), cancelling it, and reading the paragraphs again when it
 * ends. Focus follows (issue 11): to Cancel while it runs, back to "Translate all" when it ends.
 */
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useApi } from '../api/ApiProvider.js';
import { useJobPhase } from '../api/jobs.js';
import type { EditorStatus } from './useEditorStatus.js';
import type { FocusTarget } from './useFocusRequest.js';

export interface ActiveJob {
  jobId: string;
  total: number;
}

export interface TranslateJobOptions {
  documentId: string;
  engineId: string;
  flushAll: () => Promise<boolean>;
  /** Reads the paragraphs again; rejects when that fails. */
  reload: () => Promise<void>;
  ui: Pick<EditorStatus, 'busy' | 'setBusy' | 'startAction' | 'setAlert' | 'say'>;
  requestFocus: (target: FocusTarget) => void;
  translateAllRef: RefObject<HTMLButtonElement | null>;
  cancelRef: RefObject<HTMLButtonElement | null>;
}

export interface TranslateJob {
  activeJob: ActiveJob | null;
  /** A job started elsewhere (a row's or the toolbar's engine controls): shown and followed here. */
  onJobStarted: (job: ActiveJob) => void;
  translateAll: () => Promise<void>;
  cancel: () => Promise<void>;
}

export function useTranslateJob(options: TranslateJobOptions): TranslateJob {
  const { documentId, ui, requestFocus, reload: read } = options;
  const api = useApi();
  const [activeJob, setActiveJob] = useState<ActiveJob | null>(null);
  const { setAlert } = ui;
  const reload = useCallback(() => read().catch(setAlert), [read, setAlert]);
  const { translateAllRef } = options;
  const focusTranslateAll = useCallback(() => translateAllRef.current, [translateAllRef]);

  useJobEnd(documentId, activeJob, setActiveJob, ui, () => {
    // Done, cancelled or failed: back to "Translate all" (the Cancel button goes away).
    requestFocus(focusTranslateAll);
    void reload();
  });

  async function translateAll(): Promise<void> {
    if (!options.engineId) return;
    ui.startAction('translate');
    try {
      await options.flushAll();
      const job = await api.translateParagraphs({ documentId, engineId: options.engineId });
      if (job.total === 0) {
        ui.say((t) => t('editor.translate.nothing'));
        requestFocus(focusTranslateAll);
      } else {
        setActiveJob({ jobId: job.jobId, total: job.total });
        // While it runs, Cancel is one key away.
        requestFocus(() => options.cancelRef.current);
      }
    } catch (err) {
      setAlert(err);
      requestFocus(focusTranslateAll);
    } finally {
      ui.setBusy(null);
    }
  }

  async function cancel(): Promise<void> {
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

  return { activeJob, onJobStarted: setActiveJob, translateAll, cancel };
}

/**
 * Job progress arrives as events (kept app-wide, so none is missed while the view mounts). The view
 * re-renders when a job starts or ends; only the progress bar follows every count. A job running
 * when the editor opens is shown; the shown job's end is said and `onEnd` runs.
 */
function useJobEnd(
  documentId: string,
  activeJob: ActiveJob | null,
  setActiveJob: (job: ActiveJob | null) => void,
  ui: Pick<EditorStatus, 'busy' | 'setAlert' | 'say'>,
  onEnd: () => void,
): void {
  const progress = useJobPhase(documentId);
  const live = useRef({ ui, onEnd });
  useEffect(() => {
    live.current = { ui, onEnd };
  });
  const { busy } = ui;
  useEffect(() => {
    if (!progress) return;
    if (activeJob === null) {
      if (progress.state === 'running' && busy !== 'translate') setActiveJob({ jobId: progress.jobId, total: progress.total });
      return;
    }
    if (progress.jobId !== activeJob.jobId || progress.state === 'running') return;
    setActiveJob(null);
    const { ui: say, onEnd: end } = live.current;
    if (progress.state === 'done') say.say((t) => t('editor.translate.done'));
    else if (progress.state === 'cancelled') say.say((t) => t('editor.translate.cancelled'));
    else say.setAlert(progress.error ?? { code: 'ENGINE_FAILED', message: 'Translation job failed' });
    end();
  }, [progress, activeJob, busy, setActiveJob]);
}
