import { describe, expect, it } from 'vitest';
import { nextMatching } from './shortcuts.js';

describe('nextMatching', () => {
  const ids = ['a', 'b', 'c', 'd'];
  it('finds the next wanted id after the current one, wrapping around', () => {
    const wanted = (id: string) => id === 'b' || id === 'd';
    expect(nextMatching(ids, 'b', wanted)).toBe('d');
    expect(nextMatching(ids, 'd', wanted)).toBe('b');
    expect(nextMatching(ids, null, wanted)).toBe('b');
    expect(nextMatching(ids, 'c', () => false)).toBeNull();
    expect(nextMatching(ids, 'b', (id) => id === 'b')).toBe('b');
  });
});
