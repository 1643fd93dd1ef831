/**
 * Measures active editing: keystrokes (input events: a typed character, a deletion, a paste, an
 * IME composition step; so it works for every script), and the time between keystrokes that follow
 * each other within IDLE_GAP_MS (a longer pause is reading or idling, not editing, and is not counted).
 */
export const IDLE_GAP_MS = 10_000;
/** Time credited for an isolated keystroke (the first of a burst). */
export const KEY_CREDIT_MS = 200;

export interface EffortMeter {
  key(): void;
  /** What was measured since the last take, and resets. */
  take(): { activeMs: number; keystrokes: number };
}

export function createEffortMeter(now: () => number): EffortMeter {
  let last: number | null = null;
  let activeMs = 0;
  let keystrokes = 0;
  return {
    key() {
      const t = now();
      const gap = last === null ? Infinity : t - last;
      activeMs += gap <= IDLE_GAP_MS ? gap : KEY_CREDIT_MS;
      last = t;
      keystrokes++;
    },
    take() {
      const out = { activeMs: Math.round(activeMs), keystrokes };
      activeMs = 0;
      keystrokes = 0;
      return out;
    },
  };
}
