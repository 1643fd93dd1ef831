/** Records `jobProgress` events so a test can wait for a job's final state. */
import type { JobProgress } from '../../shared/types.js';
import type { EventHub } from '../jobs/eventHub.js';

export interface JobEventLog {
  events: JobProgress[];
  /** Resolves with the final event (done / cancelled / failed) of the job. */
  final(jobId: string): Promise<JobProgress>;
  stop(): void;
}

export function recordJobEvents(hub: EventHub): JobEventLog {
  const events: JobProgress[] = [];
  const waiters = new Map<string, (p: JobProgress) => void>();
  const isFinal = (p: JobProgress): boolean => p.state !== 'running';
  const stop = hub.subscribe((event, payload) => {
    if (event !== 'jobProgress') return;
    events.push(payload);
    if (isFinal(payload)) waiters.get(payload.jobId)?.(payload);
  });
  return {
    events,
    final(jobId) {
      const seen = events.find((e) => e.jobId === jobId && isFinal(e));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.set(jobId, resolve));
    },
    stop,
  };
}
