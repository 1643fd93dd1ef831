/**
 * What `npm run bench:ui` runs inside the page (passed to Playwright's addInitScript/evaluate, so
 * each function is self-contained). Times are the page's `performance.now()`.
 */

export interface PageBench {
  longtasks: { start: number; duration: number }[];
  /** Trusted clicks: when the input happened (event.timeStamp) and the button's text. */
  clicks: { t: number; text: string }[];
  /** Input events on text boxes (event.timeStamp). */
  inputs: number[];
  /** DOM mutations seen so far (childList and text). */
  changes: number;
  /** `jobProgress` events from the bridge's SSE, as they reached the page. */
  events: { t: number; jobId: string; state: string; done: number; total: number }[];
  /** The Translation progress bar, sampled every frame while the sampler runs: value changes, appear/disappear. */
  progress: { t: number; value: number | null }[];
  /** See watchSettle. */
  settled?: Promise<number | null>;
}

declare global {
  interface Window {
    __bench: PageBench;
  }
}

/** Installed before the app's own scripts on every page load. */
export function installPageBench(): void {
  const b: PageBench = { longtasks: [], clicks: [], inputs: [], changes: 0, events: [], progress: [] };
  window.__bench = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No longtask support: the figure stays empty.
  }
  addEventListener(
    'click',
    (e) => {
      const button = (e.target as Element | null)?.closest?.('button');
      b.clicks.push({ t: e.timeStamp, text: (button?.textContent ?? '').trim().slice(0, 80) });
    },
    true,
  );
  addEventListener('input', (e) => b.inputs.push(e.timeStamp), true);
  new MutationObserver((records) => {
    b.changes += records.length;
  }).observe(document, { subtree: true, childList: true, characterData: true });
  const token = new URLSearchParams(location.search).get('token');
  if (token) {
    const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.addEventListener('jobProgress', (e) => {
      const p = JSON.parse((e as MessageEvent<string>).data) as PageBench['events'][number];
      b.events.push({ t: performance.now(), jobId: p.jobId, state: p.state, done: p.done, total: p.total });
    });
  }
  // The progress bar, every frame (a frame that cannot run is a frame the user does not see).
  const sample = (): void => {
    const bar = document.querySelector<HTMLProgressElement>('progress[aria-label="Translation progress"]');
    const value = bar ? bar.value : null;
    const last = b.progress[b.progress.length - 1];
    if (!last || last.value !== value) b.progress.push({ t: performance.now(), value });
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
}

/** The frame in which the editor first shows a Translation box (resolves with its time), after `since`. */
export function editorShown(): number | false {
  return document.querySelector('[aria-label="Translation"]') ? performance.now() : false;
}

/**
 * Resolves when no long task has run for `quietMs`: with the end of the last long task that
 * started after `since` (or `since` when there was none).
 */
export async function quietAfter([since, quietMs]: [number, number]): Promise<number> {
  const b = window.__bench;
  const lastEnd = (): number =>
    b.longtasks.filter((t) => t.start + t.duration >= since).reduce((m, t) => Math.max(m, t.start + t.duration), since);
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    const end = lastEnd();
    if (performance.now() - end >= quietMs) return end;
  }
}

/**
 * Starts watching frames for DOM changes (before an input): `window.__bench.settled` resolves with
 * the first frame after the last change once the DOM has not changed for `quietMs` (null if
 * nothing changed within `timeoutMs`).
 */
export function watchSettle([quietMs, timeoutMs]: [number, number]): void {
  const b = window.__bench;
  const start = performance.now();
  let seen = b.changes;
  let lastChangeFrame: number | null = null;
  b.settled = new Promise((resolve) => {
    const frame = (): void => {
      const t = performance.now();
      if (b.changes !== seen) {
        seen = b.changes;
        lastChangeFrame = t;
      }
      if (lastChangeFrame !== null && t - lastChangeFrame >= quietMs) return resolve(lastChangeFrame);
      if (lastChangeFrame === null && t - start > timeoutMs) return resolve(null);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/**
 * The frame in which the job `since` started is over in the UI: its last event came (`state`), the
 * progress bar is gone and the first Translation box shows a translation. False until then.
 */
export function jobOverShown([since, state]: [number, string]): number | false {
  const b = window.__bench;
  if (!b.events.some((e) => e.t >= since && e.state === state)) return false;
  if (document.querySelector('progress[aria-label="Translation progress"]')) return false;
  const el = document.querySelector<HTMLElement>('[aria-label="Translation"]');
  if (!el) return false;
  const text = el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : (el.textContent ?? '');
  return text.trim() !== '' ? performance.now() : false;
}
