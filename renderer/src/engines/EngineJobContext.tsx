/**
 * What the editor shares with the engine controls of its rows and toolbar: the engine chosen for
 * the document, whether a job or action is running, and how to hand over a job that was started
 * (the editor shows its progress and reloads the paragraphs when it ends).
 */
import { createContext, useContext, type ReactNode } from 'react';

export interface EngineJobs {
  engineId: string;
  /** A translation job or another editor action is running. */
  busy: boolean;
  /** Saves typed text of every row first; false when a save failed. */
  flushAll: () => Promise<boolean>;
  onJobStarted: (job: { jobId: string; total: number }) => void;
}

const EngineJobContext = createContext<EngineJobs | null>(null);

export function EngineJobProvider({ value, children }: { value: EngineJobs; children: ReactNode }) {
  return <EngineJobContext.Provider value={value}>{children}</EngineJobContext.Provider>;
}

/** The editor's engine state, or null outside an editor (then the controls are not shown). */
export function useEngineJobs(): EngineJobs | null {
  return useContext(EngineJobContext);
}
