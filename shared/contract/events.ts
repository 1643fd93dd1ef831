/** Push events from main to renderer. A leaf module: the preload bundles it without the API contract. */
import type { JobProgress } from '../types.js';

export interface VersoEvents {
  jobProgress: JobProgress;
  /** Team sync applied changes other members made (issue 16): what the renderer shows of these documents is read again. */
  teamChanged: { documentIds: string[] };
}
export type EventName = keyof VersoEvents;
export const EVENT_NAMES = ['jobProgress', 'teamChanged'] as const satisfies readonly EventName[];
