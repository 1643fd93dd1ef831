import { describe, expect, it } from 'vitest';
import { createBatchedWriter } from './batchedWriter.js';

function manualTimers() {
  const timers = new Map<number, () => void>();
  let next = 1;
  return {
    setTimer: (fn: () => void) => {
      timers.set(next, fn);
      return next++;
    },
    clearTimer: (id: unknown) => void timers.delete(id as number),
    fire() {
      const all = [...timers.values()];
      timers.clear();
      for (const fn of all) fn();
    },
    get count() {
      return timers.size;
    },
  };
}

describe('batched writer', () => {
  it('writes a batch when it is full, when its timer ends, and when flushed', () => {
    const timers = manualTimers();
    const batches: number[][] = [];
    const w = createBatchedWriter<number>({
      write: (b) => void batches.push(b),
      maxItems: 3,
      maxDelayMs: 100,
      onTimerError: () => {},
      ...timers,
    });
    for (const n of [1, 2, 3, 4]) w.add(n);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(w.waiting).toBe(1);
    expect(timers.count).toBe(1); // the timer of the batch that holds 4
    timers.fire();
    expect(batches).toEqual([[1, 2, 3], [4]]);
    w.add(5);
    w.flush();
    expect(batches).toEqual([[1, 2, 3], [4], [5]]);
    expect(timers.count).toBe(0);
    w.flush(); // nothing waiting: nothing written
    expect(batches).toHaveLength(3);
  });

  it('a failed write throws to whoever made it write, or goes to onTimerError from the timer', () => {
    const timers = manualTimers();
    const errors: unknown[] = [];
    const w = createBatchedWriter<number>({
      write: (b) => {
        if (b.includes(13)) throw new Error('disk full');
      },
      maxItems: 2,
      maxDelayMs: 100,
      onTimerError: (e) => errors.push(e),
      ...timers,
    });
    w.add(12);
    expect(() => w.add(13)).toThrow('disk full');
    w.add(13);
    timers.fire();
    expect(errors).toEqual([new Error('disk full')]);
    expect(w.waiting).toBe(0);
  });
});
