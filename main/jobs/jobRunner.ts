/**
 * Background jobs (MT of a document): one running job per document, progress pushed as
 * `jobProgress` events, cancel through an AbortSignal. Progress events are coalesced: at most one
 * per `progressIntervalMs` (the latest count; the first at once), and the final state (done,
 * cancelled, failed, with the final count) is always sent, at once.
 */
import { randomUUID } from 'node:crypto';
import type { ApiError, JobProgress, JobState, TmxImportStatus } from '../../shared/types.js';
import type { EventHub } from './eventHub.js';
import { appLog, logFailure, logIfSlow, whereTheDetailsAre, type AppLog } from '../core/log/logger.js';
import { ServiceError, isServiceError } from '../core/serviceError.js';

export interface JobContext {
  jobId: string;
  signal: AbortSignal;
  /**
   * Reports how many of `total` items are finished. A `running` event carries it now or within
   * the progress interval; after a cancel it is only kept for the final event.
   */
  progress: (done: number) => void;
  /** A TMX import's own progress (issue 17): sent like a count, and kept for the final event. */
  tmxImport?: (status: TmxImportStatus) => void;
  /** From now on the job cannot be cancelled (its work is committed): `cancel` answers false. */
  uncancellable?: () => void;
}

export interface JobRunnerOptions {
  /** Least time between two `running` events of a job, in ms (default 100: about 10 a second). */
  progressIntervalMs?: number;
  /** Clock and timers (tests). */
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** The log unexpected failures and slow jobs go to (default: the process's log). */
  log?: () => AppLog;
}

export interface JobSpec {
  /** What kind of job (e.g. `mt`), for the log's slow-job lines. */
  name?: string;
  /** The document; null for a job on the library as a whole (several of those may run at once). */
  documentId: string | null;
  total: number;
  /** A TMX import's first status (issue 17). */
  tmxImport?: TmxImportStatus;
  run(ctx: JobContext): Promise<void>;
}

export interface JobRunner {
  /** Starts the job and returns its id at once; throws JOB_ALREADY_RUNNING. */
  start(spec: JobSpec): string;
  /** True when a running job was cancelled, false when it had already finished; throws JOB_NOT_FOUND. */
  cancel(jobId: string): boolean;
  runningFor(documentId: string): string | null;
  /** The latest progress of a job (running or among the last finished), or null. */
  progressOf(jobId: string): JobProgress | null;
  /** Resolves with the final progress of the job. */
  finished(jobId: string): Promise<JobProgress>;
  /** Cancels every running job and resolves when all have finished. */
  cancelAll(): Promise<void>;
}

interface Job {
  progress: JobProgress;
  /** Past the point where a cancel could undo it. */
  committed?: boolean;
  controller: AbortController;
  /** When the last event went out, and the timer that sends the latest count later. */
  emittedAt: number;
  pending: unknown;
  /** Settles (never rejects) with the final progress; null only while the job is being set up. */
  done: Promise<JobProgress> | null;
}

const KEEP_FINISHED = 200;

function toApiError(err: unknown, log: AppLog): ApiError {
  if (isServiceError(err)) return err.toApiError();
  logFailure(log, 'a background job failed unexpectedly', err);
  const logFile = log.file;
  return {
    code: 'INTERNAL',
    message: `The job stopped because of an internal error. ${whereTheDetailsAre(log)}`,
    ...(logFile ? { details: { logFile } } : {}),
  };
}

export function createJobRunner(events: EventHub, options: JobRunnerOptions = {}): JobRunner {
  const jobs = new Map<string, Job>();
  const interval = options.progressIntervalMs ?? 100;
  const now = options.now ?? (() => performance.now());
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((t: unknown) => clearTimeout(t as NodeJS.Timeout));
  const log = options.log ?? appLog;

  const emit = (job: Job): void => {
    if (job.pending !== null) clearTimer(job.pending);
    job.pending = null;
    job.emittedAt = now();
    events.emit('jobProgress', { ...job.progress });
  };

  /** A `running` event now, or (within the interval of the last one) the latest count when it is over. */
  const emitSoon = (job: Job): void => {
    if (job.pending !== null) return;
    const wait = job.emittedAt + interval - now();
    if (wait <= 0) return emit(job);
    job.pending = setTimer(() => {
      job.pending = null;
      if (job.progress.state === 'running' && !job.controller.signal.aborted) emit(job);
    }, wait);
  };

  function forget(): void {
    const finished = [...jobs.entries()].filter(([, j]) => j.progress.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(id);
  }

  return {
    start(spec) {
      const running = spec.documentId === null ? null : this.runningFor(spec.documentId);
      if (running && spec.documentId !== null) {
        throw new ServiceError('JOB_ALREADY_RUNNING', 'A translation is already running for this document.', {
          jobId: running,
          documentId: spec.documentId,
        });
      }
      const jobId = randomUUID();
      const controller = new AbortController();
      const job: Job = {
        progress: {
          jobId,
          documentId: spec.documentId,
          state: 'running',
          done: 0,
          total: spec.total,
          error: null,
          ...(spec.tmxImport ? { tmxImport: spec.tmxImport } : {}),
        },
        controller,
        done: null,
        emittedAt: 0,
        pending: null,
      };
      const started = now();
      const finish = (state: JobState, error: ApiError | null): JobProgress => {
        logIfSlow(log(), 'job', spec.name ?? 'job', now() - started);
        job.progress = { ...job.progress, state, error };
        emit(job);
        forget();
        return job.progress;
      };
      jobs.set(jobId, job);
      emit(job);
      const ctx: JobContext = {
        jobId,
        signal: controller.signal,
        progress(done) {
          if (job.progress.state !== 'running' || done === job.progress.done) return;
          job.progress = { ...job.progress, done };
          // After a cancel, writes that finish still count; the final event carries them.
          if (!controller.signal.aborted) emitSoon(job);
        },
        uncancellable() {
          job.committed = true;
        },
        tmxImport(status) {
          if (job.progress.state !== 'running') return;
          job.progress = { ...job.progress, done: status.bytesRead, tmxImport: status };
          if (!controller.signal.aborted) emitSoon(job);
        },
      };
      job.done = Promise.resolve()
        .then(() => {
          // Cancelled before it started: do not run at all.
          controller.signal.throwIfAborted();
          return spec.run(ctx);
        })
        .then(
          () => finish(controller.signal.aborted ? 'cancelled' : 'done', null),
          (err: unknown) => (controller.signal.aborted ? finish('cancelled', null) : finish('failed', toApiError(err, log()))),
        );
      return jobId;
    },
    cancel(jobId) {
      const job = jobs.get(jobId);
      if (!job) throw new ServiceError('JOB_NOT_FOUND', 'There is no such job (it may have finished long ago).', { jobId });
      if (job.progress.state !== 'running' || job.controller.signal.aborted || job.committed) return false;
      job.controller.abort(new Error('The job was cancelled.'));
      return true;
    },
    runningFor(documentId) {
      for (const [id, job] of jobs) {
        if (job.progress.documentId === documentId && job.progress.state === 'running') return id;
      }
      return null;
    },
    progressOf(jobId) {
      const job = jobs.get(jobId);
      return job ? { ...job.progress } : null;
    },
    finished(jobId) {
      const job = jobs.get(jobId);
      if (!job?.done) return Promise.reject(new ServiceError('JOB_NOT_FOUND', 'There is no such job.', { jobId }));
      return job.done;
    },
    async cancelAll() {
      const running = [...jobs.values()].filter((j) => j.progress.state === 'running');
      for (const job of running) job.controller.abort(new Error('Verso is closing.'));
      await Promise.all(running.flatMap((j) => (j.done ? [j.done] : [])));
    },
  };
}
