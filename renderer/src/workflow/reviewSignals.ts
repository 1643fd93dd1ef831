/**
 * Review-quality signals measured in the editor: how long each paragraph had the focus (dwell),
 * and whether its diff was opened. Sent with a sign-off; the service decides what is "fast".
 */
import type { ReviewSignal } from '../../../shared/features/workflowContract.js';

export interface ReviewSignals {
  focusIn(paragraphId: string): void;
  focusOut(): void;
  markDiffViewed(paragraphId: string): void;
  signalsFor(paragraphIds: readonly string[]): ReviewSignal[];
  /** Forgets everything measured so far (another person's reading time is not this reviewer's). */
  reset(): void;
}

export function createReviewSignals(now: () => number): ReviewSignals {
  const dwell = new Map<string, number>();
  const viewed = new Set<string>();
  let current: { id: string; since: number } | null = null;

  function close(): void {
    if (!current) return;
    dwell.set(current.id, (dwell.get(current.id) ?? 0) + Math.max(0, now() - current.since));
    current = null;
  }

  return {
    focusIn(paragraphId) {
      if (current?.id === paragraphId) return;
      close();
      current = { id: paragraphId, since: now() };
    },
    focusOut: close,
    markDiffViewed(paragraphId) {
      viewed.add(paragraphId);
    },
    reset() {
      dwell.clear();
      viewed.clear();
      if (current) current = { id: current.id, since: now() };
    },
    signalsFor(paragraphIds) {
      return paragraphIds.map((id) => {
        const open = current?.id === id ? Math.max(0, now() - current.since) : 0;
        return { paragraphId: id, dwellMs: Math.round((dwell.get(id) ?? 0) + open), diffViewed: viewed.has(id) };
      });
    },
  };
}
