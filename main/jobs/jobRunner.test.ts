import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openFileLog } from '../core/log/logger.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import type { JobProgress } from '../../shared/types.js';
import { createEventHub } from './eventHub.js';
import { ServiceError } from '../core/serviceError.js';
import { createJobRunner, type JobRunnerOptions } from './jobRunner.js';

function setup(options?: JobRunnerOptions) {
  const hub = createEventHub();
  const events: JobProgress[] = [];
  hub.subscribe((e, p) => {
    if (e === 'jobProgress') events.push(p);
  });
  return { runner: createJobRunner(hub, options), events };
}

/** A clock and timers the test moves by hand (no wall-clock time involved). */
function manualTime() {
  let t = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  let next = 1;
  return {
    options: {
      now: () => t,
      setTimer: (fn: () => void, ms: number) => {
        timers.set(next, { at: t + ms, fn });
        return next++;
      },
      clearTimer: (id: unknown) => void timers.delete(id as number),
    } satisfies JobRunnerOptions,
    advance(ms: number) {
      t += ms;
      for (const [id, timer] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at > t) continue;
        timers.delete(id);
        timer.fn();
      }
    },
    pending: () => timers.size,
  };
}

describe('job runner', () => {
  it('reports progress and the final state', async () => {
    const { runner, events } = setup({ progressIntervalMs: 0 });
    const id = runner.start({
      documentId: 'd',
      total: 2,
      async run({ progress }) {
        progress(1);
        progress(2);
      },
    });
    expect(await runner.finished(id)).toMatchObject({ state: 'done', done: 2, total: 2, error: null });
    expect(events.map((e) => [e.state, e.done])).toEqual([
      ['running', 0],
      ['running', 1],
      ['running', 2],
      ['done', 2],
    ]);
  });

  it('coalesces progress events to one per interval, with the latest count, and always sends the final state', async () => {
    const time = manualTime();
    const { runner, events } = setup({ progressIntervalMs: 100, ...time.options });
    let step!: (n: number) => void;
    let end!: () => void;
    const id = runner.start({
      documentId: 'd',
      total: 10_000,
      run: ({ progress }) =>
        new Promise<void>((resolve) => {
          step = progress;
          end = resolve;
        }),
    });
    await new Promise((r) => setImmediate(r));
    // The start went out at t = 0; 10,000 results within 250 ms give three more events, not 10,000.
    for (let done = 1; done <= 10_000; done++) {
      step(done);
      if (done % 40 === 0) time.advance(1);
    }
    expect(events.map((e) => [e.state, e.done])).toEqual([
      ['running', 0],
      ['running', 4000],
      ['running', 8000],
    ]);
    // The latest count comes when the interval is over, even with no further result.
    time.advance(100);
    expect(events.at(-1)).toMatchObject({ state: 'running', done: 10_000 });
    const before = events.length;
    time.advance(1000);
    expect(events).toHaveLength(before); // nothing new: nothing sent
    step(10_000);
    end();
    expect(await runner.finished(id)).toMatchObject({ state: 'done', done: 10_000 });
    expect(events.at(-1)).toMatchObject({ state: 'done', done: 10_000 });
    expect(time.pending()).toBe(0);
  });

  it('the final event is sent at once with the last count, even inside the interval and after a cancel', async () => {
    const time = manualTime();
    const { runner, events } = setup({ progressIntervalMs: 100, ...time.options });
    const id = runner.start({
      documentId: 'd',
      total: 5,
      run: ({ progress, signal }) =>
        new Promise<void>((_resolve, reject) => {
          progress(1);
          progress(2);
          signal.addEventListener('abort', () => {
            // Results written while the job stops still count.
            progress(3);
            reject(signal.reason);
          });
        }),
    });
    await new Promise((r) => setImmediate(r));
    expect(events.map((e) => e.done)).toEqual([0]);
    runner.cancel(id);
    expect(await runner.finished(id)).toMatchObject({ state: 'cancelled', done: 3 });
    expect(events.map((e) => [e.state, e.done])).toEqual([
      ['running', 0],
      ['cancelled', 3],
    ]);
    time.advance(500);
    expect(events).toHaveLength(2);
    expect(time.pending()).toBe(0);
  });

  it('allows one running job per document and cancels through the signal', async () => {
    const { runner } = setup();
    const id = runner.start({
      documentId: 'd',
      total: 1,
      run: ({ signal }) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason))),
    });
    expect(() => runner.start({ documentId: 'd', total: 1, run: async () => {} })).toThrow(ServiceError);
    const other = runner.start({ documentId: 'e', total: 0, run: async () => {} });
    expect(runner.runningFor('d')).toBe(id);
    await new Promise((r) => setImmediate(r)); // the job is running now
    expect(runner.cancel(id)).toBe(true);
    expect(await runner.finished(id)).toMatchObject({ state: 'cancelled', error: null });
    expect(runner.cancel(id)).toBe(false);
    expect(runner.runningFor('d')).toBeNull();
    expect((await runner.finished(other)).state).toBe('done');
    expect(() => runner.cancel('nope')).toThrow(expect.objectContaining({ code: 'JOB_NOT_FOUND' }));
  });

  it('a job cancelled before it started never runs', async () => {
    const { runner } = setup();
    let ran = false;
    const id = runner.start({
      documentId: 'd',
      total: 1,
      run: async () => {
        ran = true;
      },
    });
    runner.cancel(id);
    expect((await runner.finished(id)).state).toBe('cancelled');
    expect(ran).toBe(false);
  });

  it('carries a ServiceError as the failure, and hides unexpected errors behind INTERNAL', async () => {
    const { runner } = setup();
    const a = runner.start({
      documentId: 'a',
      total: 1,
      run: async () => {
        throw new ServiceError('ENGINE_FAILED', 'Apertium exited with code 1.', { exitCode: 1 });
      },
    });
    expect((await runner.finished(a)).error).toEqual({
      code: 'ENGINE_FAILED',
      message: 'Apertium exited with code 1.',
      details: { exitCode: 1 },
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const b = runner.start({
      documentId: 'b',
      total: 1,
      run: async () => {
        throw new TypeError('x is undefined');
      },
    });
    expect((await runner.finished(b)).error?.code).toBe('INTERNAL');
    vi.restoreAllMocks();
  });

  it('an unexpected failure names the log file, which has its stack; a job of 200 ms or more gets a slow-job line', async () => {
    const dir = makeTempDir();
    const log = openFileLog(dir, 'info');
    const time = manualTime();
    const { runner } = setup({ ...time.options, log: () => log });
    const slow = runner.start({ name: 'mt', documentId: 'secret-doc', total: 1, run: async () => time.advance(250) });
    await runner.finished(slow);
    const failed = runner.start({
      documentId: 'b',
      total: 1,
      run: async () => {
        throw new TypeError('x is undefined');
      },
    });
    const logFile = path.join(dir, 'logs', 'verso.log');
    expect((await runner.finished(failed)).error).toEqual({
      code: 'INTERNAL',
      message: `The job stopped because of an internal error. The details were written to the log file ${logFile}.`,
      details: { logFile },
    });
    const lines = fs
      .readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, msg: 'slow job', kind: 'job', name: 'mt', ms: 250 }),
      expect.objectContaining({
        level: 50,
        msg: 'a background job failed unexpectedly',
        err: expect.stringMatching(/TypeError: x is undefined\n\s+at /),
      }),
    ]);
    expect(fs.readFileSync(logFile, 'utf8')).not.toContain('secret-doc');
    log.close();
    removeTempDir(dir);
  });
});
