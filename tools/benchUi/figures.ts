/**
 * The figures of `npm run bench:ui`, their goals (issue 11, "Long documents") and the printed table.
 * Pure: measuring happens in benchUi.ts. Figures only: nothing here fails a run.
 */

/** What one run measured at one size; null when the step could not be measured (timed out, failed). */
export interface RunFigures {
  paragraphs: number;
  /** importDocument through the bridge (setup, not a goal). */
  importMs: number | null;
  /** Click on the document in the library → the frame that first shows its paragraphs. */
  openPaintMs: number | null;
  /** … → the end of the last long task before the page went quiet (1 s without one). */
  openInteractiveMs: number | null;
  /** Renderer scripting (CDP ScriptDuration) from the click until quiet. */
  openScriptMs: number | null;
  /** The same for the translated document, opened again from the library. */
  reopenInteractiveMs: number | null;
  reopenScriptMs: number | null;
  /** Click on Translate all → the frame that shows the job over and the MT in the rows. */
  translateMs: number | null;
  /** … → the job's `done` event reaching the page (the main side's part; the rest is showing the result). */
  translateJobMs: number | null;
  /** Longest main-thread task until that event. */
  translateLongestBeforeDoneMs: number | null;
  /** Raw `apertium eng-spa` on the same text, in the same run. */
  rawApertiumMs: number | null;
  /** Paragraphs with status machine once it was over (should be all). */
  machineAfter: number | null;
  /** Longest main-thread task (PerformanceObserver longtask, ≥ 50 ms) while it ran; 0 if none. */
  translateLongestTaskMs: number | null;
  translateLongTasks: number | null;
  /** Times the progress bar showed a higher value while the job ran (sampled every frame). */
  progressSteps: number | null;
  /** Click → the first visible step (the engine starting: Apertium loads its dictionaries). */
  progressFirstStepMs: number | null;
  /** Longest time between two visible progress steps after the first. */
  progressLongestGapMs: number | null;
  /** jobProgress events the bridge sent for the job (followed over SSE from the bench), and the most in any one second. */
  progressEvents: number | null;
  progressEventsPeakPerSecond: number | null;
  /** Click on Cancel → the `cancelled` event. */
  cancelMs: number | null;
  /** Click on Cancel → the progress bar gone. */
  cancelUiMs: number | null;
  /** Paragraphs that became machine after the `cancelled` event (should be 0). */
  changedAfterCancel: number | null;
  /** True when the job was over before Cancel could be clicked (1 = missed, for medians: any run). */
  cancelMissed: boolean | null;
  /** Typing a word in Find → the list filtered and painted; clearing it → the whole list back. */
  findMs: number | null;
  findClearMs: number | null;
  findShown: string | null;
  /** JSHeapUsedSize after a forced GC, the translated document open. */
  heapMb: number | null;
}

export type Verdict = 'PASS' | 'FAIL' | '—';

interface Row {
  label: string;
  goal: string;
  value: (f: RunFigures) => string;
  verdict: (f: RunFigures) => Verdict;
}

const ms = (v: number | null): string =>
  v === null ? 'n/a' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`;
const num = (v: number | null): string => (v === null ? 'n/a' : String(Math.round(v)));
const check = (ok: boolean | null): Verdict => (ok === null ? '—' : ok ? 'PASS' : 'FAIL');
const atMost = (v: number | null, limit: number): Verdict => check(v === null ? null : v <= limit);

export function translateRatio(f: RunFigures): number | null {
  return f.translateMs !== null && f.rawApertiumMs !== null && f.rawApertiumMs > 0 ? f.translateMs / f.rawApertiumMs : null;
}

export const ROWS: readonly Row[] = [
  { label: 'import (bridge, setup)', goal: '', value: (f) => ms(f.importMs), verdict: () => '—' },
  { label: 'open: click → first paint', goal: '≤ 1 s', value: (f) => ms(f.openPaintMs), verdict: (f) => atMost(f.openPaintMs, 1000) },
  {
    label: 'open: click → interactive',
    goal: '≤ 1 s',
    value: (f) => ms(f.openInteractiveMs),
    verdict: (f) => atMost(f.openInteractiveMs, 1000),
  },
  { label: 'open: renderer scripting', goal: '≤ 150 ms', value: (f) => ms(f.openScriptMs), verdict: (f) => atMost(f.openScriptMs, 150) },
  {
    label: 'reopen translated: interactive',
    goal: '≤ 1 s',
    value: (f) => ms(f.reopenInteractiveMs),
    verdict: (f) => atMost(f.reopenInteractiveMs, 1000),
  },
  {
    label: 'reopen translated: scripting',
    goal: '≤ 150 ms',
    value: (f) => ms(f.reopenScriptMs),
    verdict: (f) => atMost(f.reopenScriptMs, 150),
  },
  { label: 'Translate all (app)', goal: '', value: (f) => ms(f.translateMs), verdict: () => '—' },
  {
    label: '  of which: click → job done event',
    goal: '',
    value: (f) =>
      f.translateJobMs === null
        ? 'n/a'
        : `${ms(f.translateJobMs)}${f.rawApertiumMs ? ` (${(f.translateJobMs / f.rawApertiumMs).toFixed(2)} × raw)` : ''}`,
    verdict: () => '—',
  },
  { label: 'raw apertium eng-spa, same text', goal: '', value: (f) => ms(f.rawApertiumMs), verdict: () => '—' },
  {
    label: 'Translate all ÷ raw apertium',
    goal: '≤ 1.3',
    value: (f) => (translateRatio(f) === null ? 'n/a' : translateRatio(f)!.toFixed(2)),
    verdict: (f) => {
      const r = translateRatio(f);
      return r === null ? check(f.translateMs === null && f.rawApertiumMs !== null ? false : null) : check(r <= 1.3);
    },
  },
  {
    label: 'paragraphs machine after it',
    goal: 'all',
    value: (f) => (f.machineAfter === null ? 'n/a' : `${f.machineAfter} of ${f.paragraphs}`),
    verdict: (f) => check(f.machineAfter === null ? null : f.machineAfter === f.paragraphs),
  },
  {
    label: 'longest task while translating',
    goal: '≤ 100 ms',
    value: (f) => (f.translateLongestTaskMs === null ? 'n/a' : `${ms(f.translateLongestTaskMs)} (${num(f.translateLongTasks)} over 50 ms)`),
    verdict: (f) => atMost(f.translateLongestTaskMs, 100),
  },
  {
    label: '  of which until the job done event',
    goal: '',
    value: (f) => ms(f.translateLongestBeforeDoneMs),
    verdict: () => '—',
  },
  {
    label: 'progress visible (steps, longest gap)',
    goal: 'moves, gap ≤ 1 s',
    value: (f) =>
      f.progressSteps === null
        ? 'n/a'
        : `${f.progressSteps} steps, first ${ms(f.progressFirstStepMs)}, then gap ≤ ${ms(f.progressLongestGapMs)}`,
    verdict: (f) =>
      check(f.progressSteps === null || f.progressLongestGapMs === null ? null : f.progressSteps >= 2 && f.progressLongestGapMs <= 1000),
  },
  {
    label: 'progress events sent (peak per s)',
    goal: '≤ ~10/s',
    value: (f) => (f.progressEvents === null ? 'n/a' : `${f.progressEvents} (peak ${num(f.progressEventsPeakPerSecond)}/s)`),
    verdict: (f) => check(f.progressEventsPeakPerSecond === null ? null : f.progressEventsPeakPerSecond <= 12),
  },
  {
    label: 'Cancel → job cancelled',
    goal: '≤ 1 s',
    value: (f) => (f.cancelMissed && f.cancelMs === null ? 'missed: job over first' : ms(f.cancelMs)),
    verdict: (f) => (f.cancelMissed && f.cancelMs === null ? 'FAIL' : atMost(f.cancelMs, 1000)),
  },
  { label: 'Cancel → progress bar gone', goal: '≤ 1 s', value: (f) => ms(f.cancelUiMs), verdict: (f) => atMost(f.cancelUiMs, 1000) },
  {
    label: 'paragraphs changed after cancel',
    goal: '0',
    value: (f) => num(f.changedAfterCancel),
    verdict: (f) => check(f.changedAfterCancel === null ? null : f.changedAfterCancel === 0),
  },
  {
    label: 'Find: type a word → filtered',
    goal: '≤ 200 ms',
    value: (f) => `${ms(f.findMs)}${f.findShown ? ` (${f.findShown})` : ''}`,
    verdict: (f) => atMost(f.findMs, 200),
  },
  { label: 'Find: clear → whole list', goal: '≤ 200 ms', value: (f) => ms(f.findClearMs), verdict: (f) => atMost(f.findClearMs, 200) },
  {
    label: 'JS heap after GC (translated, open)',
    goal: '≤ 150 MB',
    value: (f) => (f.heapMb === null ? 'n/a' : `${f.heapMb.toFixed(0)} MB`),
    verdict: (f) => atMost(f.heapMb, 150),
  },
];

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** One figure per field over several runs: the median of the numbers measured (null if none was). */
export function combineRuns(runs: readonly RunFigures[]): RunFigures {
  const first = runs[0];
  if (!first) throw new Error('no runs');
  const out = { ...first } as Record<string, unknown>;
  for (const key of Object.keys(first) as (keyof RunFigures)[]) {
    if (key === 'paragraphs' || key === 'findShown') continue;
    if (key === 'cancelMissed') {
      out[key] = runs.some((r) => r.cancelMissed === true) ? true : runs.some((r) => r.cancelMissed === false) ? false : null;
      continue;
    }
    const values = runs.map((r) => r[key]).filter((v): v is number => typeof v === 'number');
    out[key] = values.length === 0 ? null : median(values);
  }
  return out as unknown as RunFigures;
}

/** Longest gap between consecutive times, starting at `from` (0 when there are none). */
export function longestGap(from: number, times: readonly number[]): number {
  let last = from;
  let gap = 0;
  for (const t of [...times].sort((a, b) => a - b)) {
    gap = Math.max(gap, t - last);
    last = t;
  }
  return gap;
}

/** The most events that fell into any one-second window. */
export function peakPerSecond(times: readonly number[]): number {
  const s = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < s.length; hi++) {
    while (s[hi]! - s[lo]! >= 1000) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

/** How many times a sampled value went up. */
export function increases(values: readonly number[]): number {
  let n = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[i - 1]!) n++;
  return n;
}

/** The table: one row per figure, one column per size, each cell its value and verdict. */
export function formatTable(columns: readonly RunFigures[]): string {
  const header = ['figure', 'goal', ...columns.map((c) => `${c.paragraphs.toLocaleString('en')} paragraphs`)];
  const body = ROWS.map((row) => [
    row.label,
    row.goal,
    ...columns.map((c) => {
      const v = row.verdict(c);
      return v === '—' ? row.value(c) : `${row.value(c)} ${v}`;
    }),
  ]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

/** Counts of PASS and FAIL over the table. */
export function tally(columns: readonly RunFigures[]): { pass: number; fail: number } {
  let pass = 0;
  let fail = 0;
  for (const row of ROWS) {
    for (const c of columns) {
      const v = row.verdict(c);
      if (v === 'PASS') pass++;
      else if (v === 'FAIL') fail++;
    }
  }
  return { pass, fail };
}
