/**
 * Collects a job's results and writes them in batches: when `maxItems` are waiting, or
 * `maxDelayMs` after the first of a batch arrived (so a slow engine's results still show up
 * soon), or when the job calls `flush()` (its end, a cancel, a failure). One transaction per batch
 * instead of one per result: with `synchronous=FULL` every commit waits for the disk.
 */

export interface BatchedWriterOptions<T> {
  /** Writes a batch (one transaction); throws when it could not write everything. */
  write(items: T[]): void;
  maxItems: number;
  maxDelayMs: number;
  /** A write that failed from the timer (the job must stop and report it). */
  onTimerError(err: unknown): void;
  /** Timers (tests). */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface BatchedWriter<T> {
  /** Queues a result; writes the batch at once when it is full (and throws if that write failed). */
  add(item: T): void;
  /** Writes whatever is waiting (throws if that write failed). */
  flush(): void;
  /** Results waiting to be written. */
  readonly waiting: number;
}

export function createBatchedWriter<T>(options: BatchedWriterOptions<T>): BatchedWriter<T> {
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((t: unknown) => clearTimeout(t as NodeJS.Timeout));
  let pending: T[] = [];
  let timer: unknown = null;

  function flush(): void {
    if (timer !== null) clearTimer(timer);
    timer = null;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    options.write(batch);
  }

  return {
    add(item) {
      pending.push(item);
      if (pending.length >= options.maxItems) return flush();
      timer ??= setTimer(() => {
        timer = null;
        try {
          flush();
        } catch (err) {
          options.onTimerError(err);
        }
      }, options.maxDelayMs);
    },
    flush,
    get waiting() {
      return pending.length;
    },
  };
}
