import { describe, expect, it } from 'vitest';
import { EMPTY_HEAD, mergeChange, resolvedIds, type MergeInput } from './mergeRules.js';

const change = (over: Partial<MergeInput> & Pick<MergeInput, 'id'>): MergeInput => ({
  kind: 'paragraph',
  baseId: null,
  payload: {},
  ...over,
});

describe('mergeChange', () => {
  it('the first change of an entity (base null) becomes its head', () => {
    expect(mergeChange(EMPTY_HEAD, change({ id: 'a' }))).toEqual({ outcome: 'applied', head: { headId: 'a', conflictIds: [] } });
  });

  it('a change on the head moves it; a second change on the same base is kept as a conflict and the head stays', () => {
    const s1 = mergeChange(EMPTY_HEAD, change({ id: 'a' })).head;
    const s2 = mergeChange(s1, change({ id: 'b', baseId: 'a' }));
    expect(s2).toEqual({ outcome: 'applied', head: { headId: 'b', conflictIds: [] } });
    const s3 = mergeChange(s2.head, change({ id: 'c', baseId: 'a' }));
    expect(s3).toEqual({ outcome: 'conflict', head: { headId: 'b', conflictIds: ['c'] } });
    // Two first changes (both base null): the second is a conflict.
    expect(mergeChange(s1, change({ id: 'z' })).outcome).toBe('conflict');
  });

  it('a change on the head with resolves removes only those conflicts', () => {
    const state = { headId: 'b', conflictIds: ['c', 'd'] };
    expect(mergeChange(state, change({ id: 'e', baseId: 'b', payload: { resolves: ['c', 7, 'x'] } }))).toEqual({
      outcome: 'applied',
      head: { headId: 'e', conflictIds: ['d'] },
    });
    // resolves on a stale base resolves nothing: it is one more conflict.
    expect(mergeChange(state, change({ id: 'f', baseId: 'a', payload: { resolves: ['c'] } }))).toEqual({
      outcome: 'conflict',
      head: { headId: 'b', conflictIds: ['c', 'd', 'f'] },
    });
  });

  it('a sign-off lands only on the head with no open conflict; otherwise it is refused as stale', () => {
    const state = { headId: 'b', conflictIds: [] };
    expect(mergeChange(state, change({ id: 's', kind: 'sign-off', baseId: 'b' }))).toEqual({
      outcome: 'applied',
      head: { headId: 's', conflictIds: [] },
    });
    expect(mergeChange(state, change({ id: 's', kind: 'sign-off', baseId: 'a' }))).toMatchObject({
      outcome: 'refused',
      code: 'TEAM_SIGN_OFF_STALE',
      head: state,
    });
    expect(mergeChange({ headId: 'b', conflictIds: ['c'] }, change({ id: 's', kind: 'sign-off', baseId: 'b' })).outcome).toBe('refused');
  });

  it('unversioned kinds are always applied and leave the head alone', () => {
    const state = { headId: 'b', conflictIds: ['c'] };
    for (const kind of ['document', 'comment', 'tm-unit'] as const)
      expect(mergeChange(state, change({ id: 'x', kind, baseId: 'zzz' }))).toEqual({ outcome: 'applied', head: state });
  });

  it('glossary terms and assignments follow the versioned rule', () => {
    expect(mergeChange({ headId: 'g1', conflictIds: [] }, change({ id: 'g2', kind: 'glossary-term', baseId: null })).outcome).toBe(
      'conflict',
    );
    expect(mergeChange({ headId: 'a1', conflictIds: [] }, change({ id: 'a2', kind: 'assignment', baseId: 'a1' })).outcome).toBe('applied');
  });

  it('resolvedIds keeps strings only', () => {
    expect(resolvedIds({ resolves: ['a', 1, null, 'b'] })).toEqual(['a', 'b']);
    expect(resolvedIds({ resolves: 'a' })).toEqual([]);
    expect(resolvedIds({})).toEqual([]);
  });
});
