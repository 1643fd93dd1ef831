/**
 * Jobs that were running in a backend process that died are gone with it (the paragraphs they
 * finished stay saved). Their progress stops, so the window would show them running forever: the
 * calling side remembers the jobs it last saw running and, when the backend stops, tells its own
 * listeners each one failed, with the backend-stopped error.
 */
import type { JobProgress } from '../../shared/types.js';
import type { ApiError } from '../../shared/types.js';
import type { PortClient } from './portClient.js';

export interface RunningJobs {
  /** Reports every job still running as failed with `error`, once. */
  failRunning(error: ApiError): void;
}

export function trackRunningJobs(client: Pick<PortClient, 'subscribe' | 'deliver'>): RunningJobs {
  const running = new Map<string, JobProgress>();
  client.subscribe('jobProgress', (payload) => {
    const progress = payload as JobProgress;
    if (progress.state === 'running') running.set(progress.jobId, progress);
    else running.delete(progress.jobId);
  });
  return {
    failRunning(error) {
      const lost = [...running.values()];
      running.clear();
      for (const progress of lost) client.deliver('jobProgress', { ...progress, state: 'failed', error } satisfies JobProgress);
    },
  };
}
