import { describe, expect, it } from 'vitest';
import {
  combineRuns,
  formatTable,
  increases,
  longestGap,
  median,
  peakPerSecond,
  tally,
  translateRatio,
  type RunFigures,
} from './figures.js';

function figures(over: Partial<RunFigures> = {}): RunFigures {
  return {
    paragraphs: 1500,
    importMs: 800,
    openPaintMs: 400,
    openInteractiveMs: 600,
    openScriptMs: 120,
    reopenInteractiveMs: 700,
    reopenScriptMs: 140,
    translateMs: 5000,
    translateJobMs: 4800,
    translateLongestBeforeDoneMs: 60,
    rawApertiumMs: 4200,
    machineAfter: 1500,
    translateLongestTaskMs: 80,
    translateLongTasks: 2,
    progressSteps: 40,
    progressFirstStepMs: 700,
    progressLongestGapMs: 300,
    progressEvents: 50,
    progressEventsPeakPerSecond: 10,
    cancelMs: 150,
    cancelUiMs: 180,
    changedAfterCancel: 0,
    cancelMissed: false,
    findMs: 90,
    findClearMs: 150,
    findShown: '“court”: 31 of 1500',
    heapMb: 90,
    ...over,
  };
}

describe('bench:ui figures', () => {
  it('takes the median of each figure over runs, leaving out runs that could not measure it', () => {
    const c = combineRuns([
      figures({ translateMs: 6000 }),
      figures({ translateMs: 5000, findMs: null }),
      figures({ translateMs: 9000, findMs: 100 }),
    ]);
    expect(c.translateMs).toBe(6000);
    expect(c.findMs).toBe(95);
    expect(combineRuns([figures({ heapMb: null }), figures({ heapMb: null })]).heapMb).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(() => median([])).toThrow();
  });

  it('compares Translate all with raw Apertium of the same run', () => {
    expect(translateRatio(figures())).toBeCloseTo(5000 / 4200);
    expect(translateRatio(figures({ translateMs: null }))).toBeNull();
  });

  it('finds the longest wait between progress steps and the busiest second of events', () => {
    expect(longestGap(0, [100, 150, 900, 1000])).toBe(750);
    expect(longestGap(0, [])).toBe(0);
    expect(peakPerSecond([0, 100, 200, 1500, 1600])).toBe(3);
    expect(peakPerSecond([0, 999, 1000, 1001])).toBe(3);
    expect(peakPerSecond([])).toBe(0);
    expect(increases([0, 0, 10, 10, 30, 20, 40])).toBe(3);
  });

  it('prints a row per figure with PASS or FAIL against the goals', () => {
    const ok = formatTable([figures()]);
    expect(ok).toMatch(/Translate all ÷ raw apertium\s*\|\s*≤ 1\.3\s*\|\s*1\.19 PASS/);
    expect(ok).toMatch(/JS heap after GC.*90 MB PASS/);
    expect(tally([figures()]).fail).toBe(0);
    const slow = figures({ translateMs: 70_000, translateLongestTaskMs: 53_000, findMs: 5600, cancelMs: null, changedAfterCancel: 12 });
    const text = formatTable([figures(), slow]);
    expect(text).toMatch(/16\.67 FAIL/);
    expect(text).toMatch(/53\.0 s \(2 over 50 ms\) FAIL/);
    expect(text).toMatch(/Find: type a word → filtered.*5\.60 s/);
    expect(text).toMatch(/Cancel → job cancelled\s*\|\s*≤ 1 s\s*\|\s*150 ms PASS\s*\|\s*n\/a\s*\|/);
    expect(tally([slow]).fail).toBe(4); // ratio, longest task, Find, changed after cancel (cancel itself unmeasured)
  });

  it('counts a Cancel that could not be clicked before the job was over, and progress that stalled, as failures', () => {
    const text = formatTable([
      figures({ cancelMs: null, cancelUiMs: null, changedAfterCancel: null, cancelMissed: true, progressLongestGapMs: 51_600 }),
    ]);
    expect(text).toMatch(/Cancel → job cancelled\s*\|\s*≤ 1 s\s*\|\s*missed: job over first FAIL/);
    expect(text).toMatch(/40 steps, first 700 ms, then gap ≤ 51\.6 s FAIL/);
    expect(combineRuns([figures({ cancelMissed: true }), figures()]).cancelMissed).toBe(true);
  });

  it('counts an app run that never finished as a failed ratio', () => {
    expect(formatTable([figures({ translateMs: null })])).toMatch(/Translate all ÷ raw apertium\s*\|\s*≤ 1\.3\s*\|\s*n\/a FAIL/);
  });
});
