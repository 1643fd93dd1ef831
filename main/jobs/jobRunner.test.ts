import { describe, expect, it, vi } from 'vitest';
import type { JobProgress } from '../../shared/types.js';
import { createEventHub } from '../api/eventHub.js';
import { ServiceError } from '../services/serviceError.js';
import { createJobRunner } from './jobRunner.js';

function setup() {
  const hub = createEventHub();
  const events: JobProgress[] = [];
  hub.subscribe((_e, p) => events.push(p));
  return { runner: createJobRunner(hub), events };
}

describe('job runner', () => {
  it('reports progress and the final state', async () => {
    const { runner, events } = setup();
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
    expect((await runner.finished(a)).error).toEqual({ code: 'ENGINE_FAILED', message: 'Apertium exited with code 1.', details: { exitCode: 1 } });
    vi.spyOn(console, 'error').mockImplementation(() => {});
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
});
