import { ApiCallError } from '../../../shared/api.js';
import { describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { useRef } from 'react';
import type { TFunction } from 'i18next';
import type { JobProgress } from '../../../shared/types.js';
import type { VersoApi } from '../../../shared/api.js';
import { hookHarness } from '../../test/hookHarness.js';
import { useEditorStatus } from './useEditorStatus.js';
import { useTranslateJob } from './useTranslateJob.js';

const t = ((key: string) => key) as unknown as TFunction;
const event = (state: JobProgress['state'], over: Partial<JobProgress> = {}): JobProgress => ({
  jobId: 'job-1',
  documentId: 'd1',
  state,
  done: 0,
  total: 2,
  error: null,
  ...over,
});

function setup(stub: Partial<VersoApi>) {
  const harness = hookHarness(stub);
  const reload = vi.fn(() => Promise.resolve());
  const order: string[] = [];
  const flushAll = vi.fn(() => {
    order.push('flush');
    return Promise.resolve(true);
  });
  const rendered = renderHook(
    () => {
      const ui = useEditorStatus();
      const translateAllRef = useRef<HTMLButtonElement>(null);
      const cancelRef = useRef<HTMLButtonElement>(null);
      const job = useTranslateJob({
        documentId: 'd1',
        engineId: 'apertium',
        flushAll,
        reload,
        ui,
        requestFocus: () => undefined,
        translateAllRef,
        cancelRef,
      });
      return { ui, job };
    },
    { wrapper: harness.wrapper },
  );
  return { ...harness, ...rendered, reload, flushAll, order };
}

describe('useTranslateJob', () => {
  it('saves typed text, starts the job, follows it and reads the paragraphs again when it is done', async () => {
    const started: unknown[] = [];
    const s = setup({
      translateParagraphs: (input) => {
        started.push(input);
        s.order.push('translate');
        return Promise.resolve({ jobId: 'job-1', total: 2 });
      },
    });
    await act(() => s.result.current.job.translateAll());
    expect(s.order).toEqual(['flush', 'translate']);
    expect(started).toEqual([{ documentId: 'd1', engineId: 'apertium' }]);
    expect(s.result.current.job.activeJob).toEqual({ jobId: 'job-1', total: 2 });
    expect(s.result.current.ui.busy).toBeNull();

    act(() => s.events.emit('jobProgress', event('running', { done: 1 })));
    expect(s.result.current.job.activeJob).not.toBeNull();
    expect(s.reload).not.toHaveBeenCalled();

    act(() => s.events.emit('jobProgress', event('done', { done: 2 })));
    await waitFor(() => expect(s.result.current.job.activeJob).toBeNull());
    expect(s.result.current.ui.status?.render(t)).toBe('editor.translate.done');
    expect(s.reload).toHaveBeenCalledTimes(1);
  });

  it('says so when there is nothing to translate (no job)', async () => {
    const s = setup({ translateParagraphs: () => Promise.resolve({ jobId: 'job-0', total: 0 }) });
    await act(() => s.result.current.job.translateAll());
    expect(s.result.current.job.activeJob).toBeNull();
    expect(s.result.current.ui.status?.render(t)).toBe('editor.translate.nothing');
  });

  it("shows a failed job's error and shows a job that was already running when the editor opened", async () => {
    const s = setup({});
    act(() => s.events.emit('jobProgress', event('running')));
    await waitFor(() => expect(s.result.current.job.activeJob).toEqual({ jobId: 'job-1', total: 2 }));
    const error = { code: 'ENGINE_FAILED' as const, message: 'down' };
    act(() => s.events.emit('jobProgress', event('failed', { error })));
    await waitFor(() => expect(s.result.current.job.activeJob).toBeNull());
    expect(s.result.current.ui.alert).toEqual(error);
    expect(s.reload).toHaveBeenCalledTimes(1);
  });

  it('Cancel of a job that had already ended reads the paragraphs again without waiting for an event', async () => {
    const s = setup({
      translateParagraphs: () => Promise.resolve({ jobId: 'job-1', total: 2 }),
      cancelJob: () => Promise.resolve({ cancelled: false }),
    });
    await act(() => s.result.current.job.translateAll());
    await act(() => s.result.current.job.cancel());
    expect(s.result.current.job.activeJob).toBeNull();
    expect(s.reload).toHaveBeenCalledTimes(1);
  });

  it('a failed reload after the job is shown as the error', async () => {
    const s = setup({});
    s.reload.mockImplementation(() => Promise.reject(new ApiCallError({ code: 'INTERNAL', message: 'disk' })));
    act(() => s.events.emit('jobProgress', event('running')));
    await waitFor(() => expect(s.result.current.job.activeJob).not.toBeNull());
    act(() => s.events.emit('jobProgress', event('done')));
    await waitFor(() => expect(s.result.current.ui.alert).toBeInstanceOf(ApiCallError));
    expect((s.result.current.ui.alert as ApiCallError).error).toEqual({ code: 'INTERNAL', message: 'disk' });
  });
});
