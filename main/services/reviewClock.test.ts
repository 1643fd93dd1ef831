import { describe, expect, it } from 'vitest';
import { createReviewClock, MAX_INTERVAL_MS } from './reviewClock.js';

describe('reviewClock', () => {
  it('adds up the time each paragraph held the focus, open interval included', () => {
    let t = 1000;
    const clock = createReviewClock(() => t);
    clock.focus('a');
    t += 1500;
    clock.focus('b');
    t += 400;
    clock.focus('a');
    t += 500;
    expect(clock.dwellMs('a')).toBe(2000);
    expect(clock.dwellMs('b')).toBe(400);
    clock.focus(null);
    t += 10_000;
    expect(clock.dwellMs('a')).toBe(2000);
    expect(clock.dwellMs('never')).toBe(0);
  });

  it('a repeated focus report does not restart the interval; an interval counts at most its cap', () => {
    let t = 0;
    const clock = createReviewClock(() => t);
    clock.focus('a');
    t += 300;
    clock.focus('a');
    t += 300;
    expect(clock.dwellMs('a')).toBe(600);
    t += 24 * 60 * 60 * 1000;
    expect(clock.dwellMs('a')).toBe(MAX_INTERVAL_MS);
    clock.focus(null);
    expect(clock.dwellMs('a')).toBe(MAX_INTERVAL_MS);
  });

  it('a clock that goes backwards adds nothing', () => {
    let t = 5000;
    const clock = createReviewClock(() => t);
    clock.focus('a');
    t -= 3000;
    clock.focus(null);
    expect(clock.dwellMs('a')).toBe(0);
  });
});
