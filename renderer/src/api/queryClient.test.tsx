import { describe, expect, it } from 'vitest';
import { renderHook, waitFor } from '@testing-library/react';
import { useQuery } from '@tanstack/react-query';
import type { JobProgress } from '../../../shared/types.js';
import { hookHarness } from '../../test/hookHarness.js';
import type { EventHub } from './memoryTransport.js';
import type { EngineSettings } from '../../../shared/features/enginesApi.js';
import { engineSettingsSaved, queryKeys } from './queryClient.js';

function progress(documentId: string, state: JobProgress['state'], done = 0): JobProgress {
  return { jobId: 'job-1', documentId, state, done, total: 3, error: null };
}

/** Counts how often each query asked the server. */
function useCounted(calls: Map<string, number>) {
  const count = (name: string) => () => {
    calls.set(name, (calls.get(name) ?? 0) + 1);
    return Promise.resolve(calls.get(name) ?? 0);
  };
  return {
    mine: useQuery({ queryKey: queryKeys.documentPart('d1', 'effort'), queryFn: count('mine') }),
    library: useQuery({ queryKey: queryKeys.library(), queryFn: count('library') }),
    other: useQuery({ queryKey: queryKeys.documentPart('d2', 'effort'), queryFn: count('other') }),
    engines: useQuery({ queryKey: queryKeys.engines('en', 'es'), queryFn: count('engines') }),
  };
}

describe('job events and the query cache', () => {
  it("a job's end reads its document's queries and the library again; progress and other documents' queries stay", async () => {
    const { wrapper, events } = hookHarness({});
    const calls = new Map<string, number>();
    const { result } = renderHook(() => useCounted(calls), { wrapper });
    await waitFor(() => expect(result.current.engines.data).toBe(1));
    expect(Object.fromEntries(calls)).toEqual({ mine: 1, library: 1, other: 1, engines: 1 });

    events.emit('jobProgress', progress('d1', 'running', 1));
    events.emit('jobProgress', progress('d1', 'running', 2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(Object.fromEntries(calls)).toEqual({ mine: 1, library: 1, other: 1, engines: 1 });

    events.emit('jobProgress', progress('d1', 'done', 3));
    await waitFor(() => expect(result.current.mine.data).toBe(2));
    await waitFor(() => expect(result.current.library.data).toBe(2));
    expect(calls.get('other')).toBe(1);
    expect(calls.get('engines')).toBe(1);
  });

  it('a cancelled or failed job also reads its document again', async () => {
    const { wrapper, events } = hookHarness({});
    const calls = new Map<string, number>();
    const { result } = renderHook(() => useCounted(calls), { wrapper });
    await waitFor(() => expect(result.current.mine.data).toBe(1));
    events.emit('jobProgress', progress('d1', 'cancelled'));
    await waitFor(() => expect(result.current.mine.data).toBe(2));
    events.emit('jobProgress', { ...progress('d1', 'failed'), error: { code: 'ENGINE_FAILED', message: 'x' } });
    await waitFor(() => expect(result.current.mine.data).toBe(3));
  });
});

/** A library query whose answers the test gives one by one, in the order they were asked. */
function useHeldLibrary(asked: ((value: string) => void)[]) {
  return useQuery({
    queryKey: queryKeys.library(),
    queryFn: () => new Promise<string>((resolve) => void asked.push(resolve)),
  });
}

describe('server events while a read is under way', () => {
  for (const [name, emit] of [
    ['team sync applied changes', (events: EventHub) => events.emit('teamChanged', { documentIds: ['d1'] })],
    ['a job ended', (events: EventHub) => events.emit('jobProgress', progress('d1', 'done', 3))],
  ] as const) {
    it(`${name} while the library is being read: read once more after it (that read may have begun before the write)`, async () => {
      const { wrapper, events, queryClient } = hookHarness({});
      const asked: ((value: string) => void)[] = [];
      const { result } = renderHook(() => useHeldLibrary(asked), { wrapper });
      await waitFor(() => expect(asked).toHaveLength(1));
      asked[0]!('before');
      await waitFor(() => expect(result.current.data).toBe('before'));
      // A view opens and reads the library; the server writes, and says so, before that read answers.
      void queryClient.refetchQueries({ queryKey: queryKeys.library() });
      await waitFor(() => expect(asked).toHaveLength(2));
      emit(events);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(asked).toHaveLength(2); // one request at a time
      asked[1]!('read before the write');
      await waitFor(() => expect(asked).toHaveLength(3));
      asked[2]!('after the write');
      await waitFor(() => expect(result.current.data).toBe('after the write'));
    });
  }
});

describe('mutations and the query cache', () => {
  it('saved engine settings are written into the cache and every engine list and choice is read again', async () => {
    const { wrapper, queryClient } = hookHarness({});
    const calls = new Map<string, number>();
    const count = (name: string) => () => {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      return Promise.resolve(calls.get(name) ?? 0);
    };
    const { result } = renderHook(
      () => ({
        list: useQuery({ queryKey: queryKeys.engines('en', 'es'), queryFn: count('list') }),
        choices: useQuery({ queryKey: queryKeys.engineChoices('en', 'es', 0), queryFn: count('choices') }),
        settings: useQuery({ queryKey: queryKeys.engineSettings(), queryFn: count('settings') }),
        library: useQuery({ queryKey: queryKeys.library(), queryFn: count('library') }),
      }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.library.data).toBe(1));
    const saved = { marker: 'saved' } as unknown as EngineSettings;
    await engineSettingsSaved(queryClient, saved);
    await waitFor(() => expect(result.current.list.data).toBe(2));
    expect(result.current.choices.data).toBe(2);
    // The answer of the save is the settings: not read again.
    expect(queryClient.getQueryData(queryKeys.engineSettings())).toEqual(saved);
    expect(calls.get('settings')).toBe(1);
    expect(calls.get('library')).toBe(1);
  });
});
