/** Push events from main to renderer. A leaf module: the preload bundles it without the API contract. */
import type { JobProgress } from '../types.js';

export interface VersoEvents {
  jobProgress: JobProgress;
}
export type EventName = keyof VersoEvents;
export const EVENT_NAMES = ['jobProgress'] as const satisfies readonly EventName[];
