/**
 * Reading time per paragraph, measured by Verso's own clock from the focus events the editor
 * reports (`reportReviewFocus`), and whether its MT diff was opened (`reportDiffViewed`), not
 * figures the client asserts at sign-off: a sign-off records this time and
 * is flagged fast against it. One paragraph at a time holds the focus; an interval counts at most
 * `MAX_INTERVAL_MS` (a box left focused overnight is not a night of reading). Kept in memory for
 * the run of the app: after a restart, reading starts again from zero (so a sign-off right after a
 * restart is flagged fast rather than credited with time nobody measured).
 */

export const MAX_INTERVAL_MS = 10 * 60 * 1000;

export interface ReviewClock {
  /** The paragraph that now holds the focus (null: none). */
  focus(paragraphId: string | null): void;
  /** Reading time of the paragraph so far, in whole milliseconds. */
  dwellMs(paragraphId: string): number;
  /** The paragraph's MT diff was opened in the editor (`reportDiffViewed`). */
  diffViewed(paragraphId: string): void;
  /** Whether its diff was opened during this run. */
  sawDiff(paragraphId: string): boolean;
}

/** `now`: a monotonic clock in milliseconds (performance.now by default). */
export function createReviewClock(now: () => number = () => performance.now()): ReviewClock {
  const total = new Map<string, number>();
  const diffs = new Set<string>();
  let open: { paragraphId: string; since: number } | null = null;
  const openPart = (at: number): number => (open ? Math.min(Math.max(at - open.since, 0), MAX_INTERVAL_MS) : 0);

  return {
    focus(paragraphId) {
      const at = now();
      if (open?.paragraphId === paragraphId) return;
      if (open) total.set(open.paragraphId, (total.get(open.paragraphId) ?? 0) + openPart(at));
      open = paragraphId === null ? null : { paragraphId, since: at };
    },
    dwellMs(paragraphId) {
      const running = open?.paragraphId === paragraphId ? openPart(now()) : 0;
      return Math.round((total.get(paragraphId) ?? 0) + running);
    },
    diffViewed(paragraphId) {
      diffs.add(paragraphId);
    },
    sawDiff: (paragraphId) => diffs.has(paragraphId),
  };
}
