/**
 * A streamed TMX import from Settings (issue 17): the file goes to the backend by path (desktop)
 * or as an upload (browser mode), `startTmxImport` runs it as a job, its `jobProgress` events
 * (with `tmxImport`) drive the progress bar, Cancel stops the upload or the job, and the final
 * event carries the summary or the error. Without a host source (component tests) a small file
 * goes through `importTmx` as before.
 */
import { useCallback, useRef, useState } from 'react';
import { ApiCallError } from '../../../shared/api.js';
import type { JobProgress, TmxImportResult, TmxImportStatus } from '../../../shared/types.js';
import { TMX_MAX_BYTES } from '../../../shared/memory/limits.js';
import { useApi } from '../api/ApiProvider.js';
import { bytesToBase64 } from '../base64.js';
import { fileBytes } from '../importing/readFile.js';
import { usePlatform } from '../platform.js';

export type TmxImportView =
  | { phase: 'idle' }
  | { phase: 'uploading'; fileName: string; sent: number; total: number }
  | { phase: 'importing'; status: TmxImportStatus };

export type TmxImportOutcome = { kind: 'done'; result: TmxImportResult } | { kind: 'cancelled' };

interface Options {
  sourceLang: string;
  targetLang: string;
  mode: 'merge' | 'replace';
}

export function useTmxImport() {
  const api = useApi();
  const platform = usePlatform();
  const [view, setView] = useState<TmxImportView>({ phase: 'idle' });
  const cancelRef = useRef<(() => void) | null>(null);

  /** Follows a started job to its final event (events that came before the job id was known included). */
  const follow = useCallback(
    async (start: () => Promise<{ jobId: string }>): Promise<JobProgress> => {
      const seen = new Map<string, JobProgress>();
      let jobId: string | null = null;
      let finish: (p: JobProgress) => void = () => {};
      const finished = new Promise<JobProgress>((resolve) => (finish = resolve));
      const onEvent = (p: JobProgress): void => {
        if (p.tmxImport) setView({ phase: 'importing', status: p.tmxImport });
        if (p.state !== 'running') finish(p);
      };
      const stop = api.subscribe('jobProgress', (p) => {
        if (!p.tmxImport) return;
        if (jobId === null) seen.set(p.jobId, p);
        else if (p.jobId === jobId) onEvent(p);
      });
      try {
        jobId = (await start()).jobId;
        const id = jobId;
        cancelRef.current = () => void api.cancelJob({ jobId: id }).catch(() => {});
        const early = seen.get(id);
        if (early) onEvent(early);
        // The job may have ended before this view heard of it: its state is asked for once.
        const now = await api.getTmxImport({ jobId: id });
        if (now.state !== 'running')
          onEvent({ jobId: id, documentId: null, state: now.state, done: 0, total: 0, error: now.error, tmxImport: now.status });
        return await finished;
      } finally {
        stop();
      }
    },
    [api],
  );

  const run = useCallback(
    async (file: File, options: Options): Promise<TmxImportOutcome> => {
      const source = platform.tmxSource;
      try {
        if (!source) {
          if (file.size > TMX_MAX_BYTES)
            throw new ApiCallError({ code: 'TMX_TOO_LARGE', message: 'TMX_TOO_LARGE', details: { limitMb: TMX_MAX_BYTES / 1048576 } });
          const dataBase64 = bytesToBase64(await fileBytes(file));
          return { kind: 'done', result: await api.importTmx({ ...options, fileName: file.name.slice(0, 255), dataBase64 }) };
        }
        const upload = new AbortController();
        cancelRef.current = () => upload.abort();
        setView({ phase: 'uploading', fileName: file.name, sent: 0, total: file.size });
        let from;
        try {
          from = await source(file, (sent, total) => setView({ phase: 'uploading', fileName: file.name, sent, total }), upload.signal);
        } catch (err) {
          if (upload.signal.aborted) return { kind: 'cancelled' };
          throw err;
        }
        const final = await follow(() => api.startTmxImport({ ...options, source: from }));
        if (final.state === 'done' && final.tmxImport?.result) return { kind: 'done', result: final.tmxImport.result };
        if (final.state === 'cancelled') return { kind: 'cancelled' };
        throw new ApiCallError(final.error ?? { code: 'INTERNAL', message: 'The TMX import stopped.' });
      } finally {
        cancelRef.current = null;
        setView({ phase: 'idle' });
      }
    },
    [api, platform, follow],
  );

  const cancel = useCallback(() => cancelRef.current?.(), []);
  return { view, run, cancel };
}
