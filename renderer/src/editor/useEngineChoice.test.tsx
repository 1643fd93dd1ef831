import { describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { EngineInfo } from '../../../shared/types.js';
import { hookHarness, refuse } from '../../test/hookHarness.js';
import { useEngineChoice } from './useEngineChoice.js';

const engine = (id: string, over: Partial<EngineInfo> = {}): EngineInfo => ({
  id,
  name: id.toUpperCase(),
  available: true,
  unavailableReason: null,
  pairs: [{ source: 'en', target: 'es' }],
  ...over,
});

describe('useEngineChoice', () => {
  it('offers the engines that can translate the pair, the first chosen until the person picks another', async () => {
    const { wrapper } = hookHarness({
      listEngines: () =>
        Promise.resolve([engine('off', { available: false, unavailableReason: 'ENGINE_NOT_CONFIGURED' }), engine('a'), engine('b')]),
    });
    const { result } = renderHook(() => useEngineChoice('en', 'es'), { wrapper });
    expect(result.current.engines).toBeNull();
    await waitFor(() => expect(result.current.usable.map((e) => e.id)).toEqual(['a', 'b']));
    expect(result.current.engineId).toBe('a');
    expect(result.current.noEngine).toBe(false);
    expect(result.current.engineNames.get('off')).toBe('OFF');
    act(() => result.current.setEngineId('b'));
    expect(result.current.engineId).toBe('b');
  });

  it('with no engine for the pair, says why each cannot; a failed read counts as no engine and keeps its error', async () => {
    const { wrapper } = hookHarness({
      listEngines: () =>
        Promise.resolve([
          engine('off', { available: false, unavailableReason: 'ENGINE_NOT_CONFIGURED' }),
          engine('x', { pairs: [] }),
          engine('odd', { available: false, unavailableReason: 'NOT_A_CODE' }),
        ]),
    });
    const { result } = renderHook(() => useEngineChoice('en', 'es'), { wrapper });
    await waitFor(() => expect(result.current.noEngine).toBe(true));
    expect(result.current.reasons).toEqual([{ id: 'off', name: 'OFF', code: 'ENGINE_NOT_CONFIGURED' }]);
    expect(result.current.engineId).toBe('');

    const failing = hookHarness({ listEngines: () => refuse('INTERNAL', 'x') });
    const failed = renderHook(() => useEngineChoice('en', 'es'), { wrapper: failing.wrapper });
    await waitFor(() => expect(failed.result.current.engines).toEqual([]));
    expect(failed.result.current.noEngine).toBe(true);
    expect(failed.result.current.engineError).toMatchObject({ error: { code: 'INTERNAL' } });
  });

  it('asks nothing before the document (and so its pair) is known', async () => {
    let asked = 0;
    const { wrapper } = hookHarness({
      listEngines: () => {
        asked++;
        return Promise.resolve([]);
      },
    });
    const { result } = renderHook(() => useEngineChoice(null, null), { wrapper });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(asked).toBe(0);
    expect(result.current.engines).toBeNull();
  });
});
