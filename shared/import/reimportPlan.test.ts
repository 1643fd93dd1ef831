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
    const plan = planReimport(old, revised, 'en');
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
    const plan = planReimport(
      ['One  two\nthree.', 'Completely old text here.'],
      ['One two three.', 'Nothing alike at all, new words.'],
      'en',
    );
    expect(plan.steps.map((s) => s.type)).toEqual(['unchanged', 'added']);
    expect(plan.removed).toEqual([1]);
  });

  it('handles empty sides and duplicates', () => {
    expect(planReimport([], ['a'], 'en')).toEqual({ steps: [{ type: 'added', newIndex: 0 }], removed: [] });
    expect(planReimport(['a'], [], 'en')).toEqual({ steps: [], removed: [0] });
    const plan = planReimport(['Same.', 'Same.', 'Other.'], ['Other.', 'Same.'], 'en');
    expect(plan.steps.map((s) => s.type).sort()).toEqual(['moved', 'unchanged']);
    expect(plan.removed).toHaveLength(1);
  });

  it('a one-word change in a Chinese paragraph is that paragraph, changed (words by Intl.Segmenter, not by spaces)', () => {
    const old = ['今天的天气很好，我们去公园散步。', '市长宣布了新的预算。'];
    const revised = ['今天的天气很好，我们去海边散步。', '市长宣布了新的预算。'];
    expect(similarity(old[0]!, revised[0]!, 'zh')).toBeGreaterThan(0.5);
    expect(planReimport(old, revised, 'zh').steps.map((x) => x.type)).toEqual(['changed', 'unchanged']);
    expect(planReimport(old, revised, 'zh').removed).toEqual([]);
  });

  it('scores word overlap', () => {
    expect(similarity('a b c d', 'a b c d', 'en')).toBe(1);
    expect(similarity('a b c d', 'w x y z', 'en')).toBe(0);
    expect(similarity('a b c d', 'a b x d', 'en')).toBeCloseTo(0.75);
  });
});

describe('planReimport on large, very different sources', () => {
  it('stays correct when the paragraph diff gives up (everything rewritten, some paragraphs kept)', () => {
    const old = Array.from({ length: 5000 }, (_, i) => `Old paragraph ${i} about ${i * 7}.`);
    const revised = Array.from({ length: 5000 }, (_, i) => (i % 1000 === 0 ? old[4999 - i]! : `Entirely new wording ${i} x${i * 13}.`));
    const plan = planReimport(old, revised, 'en');
    expect(plan.steps).toHaveLength(5000);
    const kept = plan.steps.filter((s) => s.type === 'moved' || s.type === 'unchanged');
    expect(kept).toHaveLength(5);
    for (const s of kept) if ('oldIndex' in s) expect(old[s.oldIndex]).toBe(revised[s.newIndex]);
    expect(plan.removed).toHaveLength(4995);
  });
});

describe('planReimport on documents of 20,000 paragraphs', () => {
  const text = (i: number): string =>
    `Story ${i}: the council of district ${i % 97} said on day ${i % 31} that ${['roads', 'schools', 'parks', 'taxes'][i % 4]} would be reviewed by ${i * 13}.`;
  const old = Array.from({ length: 20_000 }, (_, i) => text(i));

  it('plans an edit of every tenth paragraph, a moved block, additions and removals (past the point where a plain diff gives up)', () => {
    // Each new paragraph with where it came from (null: new) and whether its words changed.
    const revised: { text: string; from: number | null; edited: boolean }[] = old.map((p, i) =>
      i % 10 === 5
        ? { text: p.replace('would be reviewed', 'will be reviewed again'), from: i, edited: true }
        : { text: p, from: i, edited: false },
    );
    revised.push(...revised.splice(100, 50)); // 50 paragraphs move to the end (5 of them edited too)
    revised.splice(1_000, 0, {
      text: 'A brand-new paragraph about something else entirely, added by the desk.',
      from: null,
      edited: false,
    });
    const gone = revised.splice(19_000, 3).map((r) => r.from!);
    const plan = planReimport(
      old,
      revised.map((r) => r.text),
      'en',
    );
    expect(plan.steps).toHaveLength(revised.length);
    const movedAndEdited = revised.filter((r, j) => r.edited && j >= revised.length - 50).length;
    expect(movedAndEdited).toBe(5);
    for (const [j, s] of plan.steps.entries()) {
      const r = revised[j]!;
      if (r.from === null || (r.edited && j >= revised.length - 50)) {
        // New, or edited and moved far away: added (its old paragraph is removed).
        expect(s.type).toBe('added');
      } else if (r.edited) {
        expect(s).toMatchObject({ type: 'changed', oldIndex: r.from });
      } else {
        expect(s.type === 'unchanged' || s.type === 'moved').toBe(true);
        expect('oldIndex' in s && s.oldIndex).toBe(r.from);
      }
    }
    expect(plan.steps.filter((s) => s.type === 'moved')).toHaveLength(45);
    const movedAwayEdited = revised
      .slice(-50)
      .filter((r) => r.edited)
      .map((r) => r.from!);
    expect(plan.removed).toEqual([...gone, ...movedAwayEdited].sort((a, b) => a - b));
  });

  it('plans a completely different source of the same length (every paragraph removed or added)', () => {
    const other = Array.from({ length: 20_000 }, (_, i) => `Unrelated ${i} wording with nothing shared ${i * 7} xq${i}.`);
    const plan = planReimport(old, other, 'en');
    expect(plan.steps.every((s) => s.type === 'added')).toBe(true);
    expect(plan.removed).toHaveLength(20_000);
  });
});
