import { describe, expect, it } from 'vitest';
import { createReviewSignals } from './reviewSignals.js';

describe('review signals', () => {
  it('adds up focus time per paragraph, counting the one still focused, and remembers viewed diffs', () => {
    let t = 0;
    const s = createReviewSignals(() => t);
    s.focusIn('a');
    t = 1000;
    s.focusIn('a'); // focus moving inside the same row changes nothing
    t = 1500;
    s.focusIn('b');
    t = 1800;
    s.focusOut();
    t = 5000; // idle, nothing focused
    s.focusIn('a');
    t = 5250;
    s.markDiffViewed('b');
    expect(s.signalsFor(['a', 'b', 'c'])).toEqual([
      { paragraphId: 'a', dwellMs: 1750, diffViewed: false },
      { paragraphId: 'b', dwellMs: 300, diffViewed: true },
      { paragraphId: 'c', dwellMs: 0, diffViewed: false },
    ]);
  });

  it('reset forgets earlier reading time; the focused row counts from the reset on', () => {
    let t = 0;
    const s = createReviewSignals(() => t);
    s.focusIn('a');
    t = 4000;
    s.markDiffViewed('a');
    s.reset();
    t = 4500;
    expect(s.signalsFor(['a'])).toEqual([{ paragraphId: 'a', dwellMs: 500, diffViewed: false }]);
  });
});
