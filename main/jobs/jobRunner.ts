/**
 * Background jobs (MT of a document): one running job per document, progress pushed as
 * `jobProgress` events, cancel through an AbortSignal.
 */
import { randomUUID } from 'node:crypto';
import type { ApiError, JobProgress, JobState } from '../../shared/types.js';
import type { EventHub } from '../api/eventHub.js';
import { ServiceError, isServiceError } from '../services/serviceError.js';

export interface JobContext {
  jobId: string;
  signal: AbortSignal;
  /** Reports how many of `total` items are finished; emits a `running` event. */
  progress(done: number): void;
}

export interface JobSpec {
  documentId: string;
  total: number;
  run(ctx: JobContext): Promise<void>;
}

export interface JobRunner {
  /** Starts the job and returns its id at once; throws JOB_ALREADY_RUNNING. */
  start(spec: JobSpec): string;
  /** True when a running job was cancelled, false when it had already finished; throws JOB_NOT_FOUND. */
  cancel(jobId: string): boolean;
  runningFor(documentId: string): string | null;
  /** Resolves with the final progress of the job. */
  finished(jobId: string): Promise<JobProgress>;
  /** Cancels every running job and resolves when all have finished. */
  cancelAll(): Promise<void>;
}

interface Job {
  progress: JobProgress;
  controller: AbortController;
  /** Settles (never rejects) with the final progress; null only while the job is being set up. */
  done: Promise<JobProgress> | null;
}

const KEEP_FINISHED = 200;

function toApiError(err: unknown): ApiError {
  if (isServiceError(err)) return err.toApiError();
  console.error('Verso: a background job failed unexpectedly:', err);
  return { code: 'INTERNAL', message: 'The job stopped because of an internal error. The details were written to its log.' };
}

export function createJobRunner(events: EventHub): JobRunner {
  const jobs = new Map<string, Job>();

  const emit = (job: Job): void => events.emit('jobProgress', { ...job.progress });

  function forget(): void {
    const finished = [...jobs.entries()].filter(([, j]) => j.progress.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) jobs.delete(id);
  }

  return {
    start(spec) {
      const running = this.runningFor(spec.documentId);
      if (running) {
        throw new ServiceError('JOB_ALREADY_RUNNING', 'A translation is already running for this document.', {
          jobId: running,
          documentId: spec.documentId,
        });
      }
      const jobId = randomUUID();
      const controller = new AbortController();
      const job: Job = {
        progress: { jobId, documentId: spec.documentId, state: 'running', done: 0, total: spec.total, error: null },
        controller,
        done: null,
      };
      const finish = (state: JobState, error: ApiError | null): JobProgress => {
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
          if (job.progress.state !== 'running' || controller.signal.aborted) return;
          job.progress = { ...job.progress, done };
          emit(job);
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
          (err: unknown) => (controller.signal.aborted ? finish('cancelled', null) : finish('failed', toApiError(err))),
        );
      return jobId;
    },
    cancel(jobId) {
      const job = jobs.get(jobId);
      if (!job) throw new ServiceError('JOB_NOT_FOUND', 'There is no such job (it may have finished long ago).', { jobId });
      if (job.progress.state !== 'running' || job.controller.signal.aborted) return false;
      job.controller.abort(new Error('The job was cancelled.'));
      return true;
    },
    runningFor(documentId) {
      for (const [id, job] of jobs) {
        if (job.progress.documentId === documentId && job.progress.state === 'running') return id;
      }
      return null;
    },
    finished(jobId) {
      const job = jobs.get(jobId);
      if (!job?.done) return Promise.reject(new ServiceError('JOB_NOT_FOUND', 'There is no such job.', { jobId }));
      return job.done;
    },
    async cancelAll() {
      const running = [...jobs.values()].filter((j) => j.progress.state === 'running');
      for (const job of running) job.controller.abort(new Error('Verso is closing.'));
      await Promise.all(running.map((j) => j.done));
    },
  };
}
