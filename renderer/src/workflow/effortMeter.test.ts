import { describe, expect, it } from 'vitest';
import { createEffortMeter, IDLE_GAP_MS, KEY_CREDIT_MS } from './effortMeter.js';

describe('effort meter', () => {
  it('counts time between close keystrokes, not idle pauses', () => {
    let t = 1000;
    const meter = createEffortMeter(() => t);
    meter.key(); // first key: a small credit
    t += 300;
    meter.key();
    t += 400;
    meter.key();
    t += IDLE_GAP_MS + 1; // went for coffee
    meter.key();
    expect(meter.take()).toEqual({ activeMs: KEY_CREDIT_MS + 300 + 400 + KEY_CREDIT_MS, keystrokes: 4 });
    expect(meter.take()).toEqual({ activeMs: 0, keystrokes: 0 });
    t += 100;
    meter.key();
    expect(meter.take()).toEqual({ activeMs: 100, keystrokes: 1 });
  });
});
