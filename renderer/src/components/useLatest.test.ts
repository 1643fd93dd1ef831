import { renderHook } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it } from 'vitest';
import { useLatest } from './useLatest.js';

const seen: string[] = [];
const refs: object[] = [];
let mounts = 0;

/** Reads the latest value in an effect that re-runs on `tick` only, and in one that runs once. */
function useProbe({ value, tick }: { value: string; tick: number }): void {
  const latest = useLatest(value);
  refs.push(latest);
  useEffect(() => {
    mounts += 1;
  }, []);
  useEffect(() => {
    seen.push(latest.current);
  }, [latest, tick]);
}

describe('useLatest', () => {
  it('gives effects the value of the latest render, through one ref that never changes', () => {
    const { rerender } = renderHook(useProbe, { initialProps: { value: 'a', tick: 0 } });
    rerender({ value: 'b', tick: 0 });
    rerender({ value: 'c', tick: 1 });
    expect(seen).toEqual(['a', 'c']);
    expect(mounts).toBe(1);
    expect(new Set(refs).size).toBe(1);
  });
});
