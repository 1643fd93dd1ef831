import { describe, expect, it } from 'vitest';
import { planReimport, similarity } from './reimportPlan.js';

describe('planReimport', () => {
  const old = [
    'Mayor resigns after budget row',
    'The mayor of Springfield resigned on Monday after a row over the budget.',
    'She had led the city for six years.',
    'The council will meet on Friday.',
    'Residents reacted with surprise.',
  ];

  it('keeps identical paragraphs, pairs edited ones, adds, removes and detects moves', () => {
    const revised = [
      'Residents reacted with surprise.', // moved to the top
      'Mayor resigns after budget row',
      'The mayor of Springfield resigned on Monday evening after a bitter row over the budget.',
      'Her deputy takes over until an election in May.', // new
      'She had led the city for six years.',
      // 'The council will meet on Friday.' removed
    ];
    const plan = planReimport(old, revised);
    expect(plan.steps.map((s) => [s.type, 'oldIndex' in s ? s.oldIndex : null])).toEqual([
      ['moved', 4],
      ['unchanged', 0],
      ['changed', 1],
      ['added', null],
      ['unchanged', 2],
    ]);
    expect(plan.removed).toEqual([3]);
  });

  it('ignores whitespace-only differences and treats unrelated rewrites as remove + add', () => {
    const plan = planReimport(['One  two\nthree.', 'Completely old text here.'], ['One two three.', 'Nothing alike at all, new words.']);
    expect(plan.steps.map((s) => s.type)).toEqual(['unchanged', 'added']);
    expect(plan.removed).toEqual([1]);
  });

  it('handles empty sides and duplicates', () => {
    expect(planReimport([], ['a'])).toEqual({ steps: [{ type: 'added', newIndex: 0 }], removed: [] });
    expect(planReimport(['a'], [])).toEqual({ steps: [], removed: [0] });
    const plan = planReimport(['Same.', 'Same.', 'Other.'], ['Other.', 'Same.']);
    expect(plan.steps.map((s) => s.type).sort()).toEqual(['moved', 'unchanged']);
    expect(plan.removed).toHaveLength(1);
  });

  it('scores word overlap', () => {
    expect(similarity('a b c d', 'a b c d')).toBe(1);
    expect(similarity('a b c d', 'w x y z')).toBe(0);
    expect(similarity('a b c d', 'a b x d')).toBeCloseTo(0.75);
  });
});

describe('planReimport on large, very different sources', () => {
  it('stays correct when the paragraph diff gives up (everything rewritten, some paragraphs kept)', () => {
    const old = Array.from({ length: 5000 }, (_, i) => `Old paragraph ${i} about ${i * 7}.`);
    const revised = Array.from({ length: 5000 }, (_, i) => (i % 1000 === 0 ? old[4999 - i]! : `Entirely new wording ${i} x${i * 13}.`));
    const plan = planReimport(old, revised);
    expect(plan.steps).toHaveLength(5000);
    const kept = plan.steps.filter((s) => s.type === 'moved' || s.type === 'unchanged');
    expect(kept).toHaveLength(5);
    for (const s of kept) if ('oldIndex' in s) expect(old[s.oldIndex]).toBe(revised[s.newIndex]);
    expect(plan.removed).toHaveLength(4995);
  });
});
