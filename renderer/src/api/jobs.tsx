/**
 * Job progress for the whole app: one `jobProgress` subscription made when the app starts (so no
 * event is missed while a view mounts), the latest progress kept per document.
 */
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { JobProgress } from '../../../shared/types.js';
import { useQueryClient } from '@tanstack/react-query';
import { useApi } from './ApiProvider.js';
import { invalidateAfterJob, invalidateAfterTeamChange } from './queryClient.js';

export interface JobStore {
  get: (documentId: string) => JobProgress | null;
  put: (progress: JobProgress) => void;
  subscribe: (onChange: () => void) => () => void;
}

export function createJobStore(): JobStore {
  const latest = new Map<string, JobProgress>();
  const listeners = new Set<() => void>();
  return {
    get: (documentId) => latest.get(documentId) ?? null,
    put(progress) {
      // Jobs on the library as a whole (a TMX import) are followed by their own views.
      if (progress.documentId === null) return;
      latest.set(progress.documentId, progress);
      for (const l of [...listeners]) l();
    },
    subscribe(onChange) {
      listeners.add(onChange);
      return () => void listeners.delete(onChange);
    },
  };
}

const JobsContext = createContext<JobStore | null>(null);

export function JobsProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const queryClient = useQueryClient();
  const [store] = useState(createJobStore);
  // A job that ends changed its document: the cached queries about it are read again.
  useEffect(
    () =>
      api.subscribe('jobProgress', (progress) => {
        store.put(progress);
        void invalidateAfterJob(queryClient, progress);
      }),
    [api, store, queryClient],
  );
  // Issue 16: what other members changed arrives through team sync, not a job.
  useEffect(
    () => api.subscribe('teamChanged', ({ documentIds }) => void invalidateAfterTeamChange(queryClient, documentIds)),
    [api, queryClient],
  );
  return <JobsContext.Provider value={store}>{children}</JobsContext.Provider>;
}

/** The latest progress event for the document (any job), or null. */
export function useJobProgress(documentId: string): JobProgress | null {
  const store = useContext(JobsContext);
  if (!store) throw new Error('useJobProgress() needs a <JobsProvider> above it');
  return useSyncExternalStore(
    store.subscribe,
    () => store.get(documentId),
    () => store.get(documentId),
  );
}

/**
 * The latest progress event for the document, re-rendering only when a job starts or changes state
 * (not on every progress count): for views whose work depends on the phase, not the count.
 */
export function useJobPhase(documentId: string): JobProgress | null {
  const store = useContext(JobsContext);
  if (!store) throw new Error('useJobPhase() needs a <JobsProvider> above it');
  const phase = () => {
    const p = store.get(documentId);
    return p ? `${p.jobId}\u0000${p.state}` : '';
  };
  useSyncExternalStore(store.subscribe, phase, phase);
  return store.get(documentId);
}
