/**
 * `npm run bench:ui` — what a user waits for on a long document, through the whole app: browser
 * mode (the built dist/main/web.cjs on a fresh data folder per run) driven by Playwright in Debian's
 * Chromium, beside raw `apertium eng-spa` on the same text in the same run. See README ("Long
 * documents") for the figures and options. Figures only: it exits 0 whatever the verdicts, unless
 * it could not run at all.
 */
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeDataDir, startServer, type RunningServer } from '../../e2e/support/server.js';
import { buildCorpus, findWord, proseSentences, type BenchParagraph } from './corpus.js';
import { combineRuns, formatTable, increases, longestGap, peakPerSecond, tally, type RunFigures } from './figures.js';
import { editorShown, installPageBench, jobOverShown, quietAfter, watchSettle } from './inPage.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Options {
  sizes: number[];
  runs: number;
  build: boolean;
  linkShare: number;
  stepTimeoutMs: number;
  only: Set<string> | null;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const sizes = (value('sizes') ?? '1500,5000,10000').split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 10)) throw new Error('--sizes takes paragraph counts, e.g. --sizes 1500,5000');
  const only = value('only');
  return {
    sizes,
    runs: Math.max(1, Number(value('runs') ?? 1)),
    build: !argv.includes('--no-build'),
    linkShare: argv.includes('--plain') ? 0 : 0.3,
    stepTimeoutMs: Math.max(10, Number(value('step-timeout') ?? 600)) * 1000,
    only: only ? new Set(only.split(',')) : null,
  };
}

const log = (message: string): void => console.log(`  · ${message}`);

// ---- Text

function sentencesFrom(files: readonly string[]): string[] {
  return proseSentences(
    files
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n\n'),
  );
}

function corpus(paragraphs: number, seed: number, linkShare: number): BenchParagraph[] {
  const news = sentencesFrom([path.join(root, 'main/testing/fixtures/reference-article-body.txt')]);
  const other = sentencesFrom(
    ['GPL-3', 'Apache-2.0', 'MPL-2.0', 'LGPL-2.1', 'GPL-2', 'GFDL-1.3', 'Artistic', 'MPL-1.1'].map(
      (f) => `/usr/share/common-licenses/${f}`,
    ),
  );
  return buildCorpus(news, other, { paragraphs, seed, linkShare });
}

// ---- The app's API, from outside (setup and checks only)

async function invoke<T>(server: RunningServer, method: string, input: unknown): Promise<T> {
  const res = await fetch(`${server.origin}/api/invoke/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error.code} ${body.error.message}`);
  return body.value;
}

interface Doc {
  id: string;
  paragraphs: { id: string; status: string }[];
}

async function machineCount(server: RunningServer, documentId: string): Promise<number> {
  const doc = await invoke<Doc>(server, 'getDocument', { documentId });
  return doc.paragraphs.filter((p) => p.status === 'machine').length;
}

interface JobWatch {
  running(): string[];
  /** When (here, performance.now()) each event of a job arrived. */
  timesOf(jobId: string): number[];
  stop(): void;
}

/** The bridge's job events, followed from here: the rate the server sends at (the page may get them late), and jobs to cancel. */
function watchJobs(server: RunningServer): JobWatch {
  const controller = new AbortController();
  const state = new Map<string, string>();
  const times = new Map<string, number[]>();
  void (async () => {
    const res = await fetch(`${server.origin}/api/events?token=${server.token}`, { signal: controller.signal });
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (!frame.includes('event: jobProgress') || !data) continue;
        const p = JSON.parse(data) as { jobId: string; state: string };
        state.set(p.jobId, p.state);
        (times.get(p.jobId) ?? times.set(p.jobId, []).get(p.jobId)!).push(performance.now());
      }
    }
  })().catch(() => undefined);
  return {
    running: () => [...state].filter(([, s]) => s === 'running').map(([id]) => id),
    timesOf: (jobId) => times.get(jobId) ?? [],
    stop: () => controller.abort(),
  };
}

// ---- Raw Apertium

function rawApertium(file: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn('apertium', ['eng-spa', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let err = '';
    child.stdout.on('data', (c: Buffer) => (bytes += c.length));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t;
      if (code !== 0 || bytes === 0) reject(new Error(`raw apertium failed (${code}): ${err.slice(0, 300)}`));
      else resolve(ms);
    });
  });
}

// ---- Page helpers

async function cdpMetric(cdp: CDPSession, name: string): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === name)?.value ?? 0;
}

function lastClick(page: Page, text: string): Promise<number> {
  return page.evaluate((t) => {
    const c = [...window.__bench.clicks].reverse().find((x) => x.text.includes(t));
    if (!c) throw new Error(`no click on “${t}” was seen`);
    return c.t;
  }, text);
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface OpenFigures {
  paintMs: number;
  interactiveMs: number;
  scriptMs: number;
}

/** From the library: click the document, wait for its first paint and for the page to go quiet. */
async function openDocument(page: Page, cdp: CDPSession, server: RunningServer, title: string, timeout: number): Promise<OpenFigures> {
  await page.goto(server.url);
  const button = page.getByRole('button', { name: new RegExp(`^${escapeRegExp(title)}`) }).first();
  await button.waitFor({ timeout });
  await page.evaluate(quietAfter, [0, 500] as [number, number]);
  const script0 = await cdpMetric(cdp, 'ScriptDuration');
  await button.click({ timeout });
  const painted = (await (await page.waitForFunction(editorShown, null, { polling: 'raf', timeout })).jsonValue()) as number;
  const clicked = await lastClick(page, title);
  const quiet = await page.evaluate(quietAfter, [clicked, 1000] as [number, number]);
  const script1 = await cdpMetric(cdp, 'ScriptDuration');
  return { paintMs: painted - clicked, interactiveMs: Math.max(painted, quiet) - clicked, scriptMs: (script1 - script0) * 1000 };
}

async function translateAllButton(page: Page, timeout: number): Promise<void> {
  await page.getByRole('button', { name: 'Translate all' }).click({ timeout });
}

interface TranslateFigures {
  totalMs: number;
  jobMs: number;
  longestBeforeDoneMs: number;
  longestTaskMs: number;
  longTasks: number;
  progressSteps: number;
  progressFirstStepMs: number | null;
  progressLongestGapMs: number;
  events: number;
  eventsPeak: number;
}

/**
 * BENCH_PROFILE=<folder>: a V8 CPU profile of the renderer while Translate all runs, saved as
 * `translate-<paragraphs>.cpuprofile` (open it in Chromium's DevTools, Performance panel).
 */
async function startProfile(cdp: CDPSession): Promise<boolean> {
  if (!process.env.BENCH_PROFILE) return false;
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  return true;
}

async function saveProfile(cdp: CDPSession, name: string): Promise<void> {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: unknown };
  const folder = process.env.BENCH_PROFILE!;
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${name}.cpuprofile`);
  fs.writeFileSync(file, JSON.stringify(profile));
  log(`CPU profile: ${file}`);
}

async function translateAll(page: Page, cdp: CDPSession, jobs: JobWatch, timeout: number, size: number): Promise<TranslateFigures> {
  const profiling = await startProfile(cdp);
  await translateAllButton(page, timeout);
  const clicked = await lastClick(page, 'Translate all');
  const over = (await (
    await page.waitForFunction(jobOverShown, [clicked, 'done'] as [number, string], { polling: 'raf', timeout })
  ).jsonValue()) as number;
  if (profiling) {
    await page.evaluate(quietAfter, [over, 1000] as [number, number]);
    await saveProfile(cdp, `translate-${size}`);
  }
  return page
    .evaluate(
      ([t0, t1]) => {
        const b = window.__bench;
        const tasks = b.longtasks.filter((t) => t.start >= t0 && t.start <= t1);
        const events = b.events.filter((e) => e.t >= t0 && e.t <= t1 + 50);
        const doneAt = events.find((e) => e.state !== 'running')?.t ?? t1;
        const samples = b.progress.filter((s) => s.t >= t0 && s.t <= doneAt && s.value !== null);
        return {
          totalMs: t1 - t0,
          jobMs: doneAt - t0,
          longestBeforeDoneMs: tasks.filter((t) => t.start < doneAt).reduce((m, t) => Math.max(m, t.duration), 0),
          longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
          longTasks: tasks.length,
          samples: samples.map((s) => ({ t: s.t, value: s.value! })),
          jobId: events[0]?.jobId ?? '',
          tasks: tasks.map((t) => `${Math.round(t.start - t0)}+${Math.round(t.duration)}`),
          t0,
        };
      },
      [clicked, over] as [number, number],
    )
    .then((r) => {
      if (process.env.BENCH_DEBUG)
        log(`long tasks (ms after the click + duration): ${r.tasks.join(', ') || 'none'}; done event at ${Math.round(r.jobMs)}`);
      const values = r.samples.map((s) => s.value);
      const stepTimes = r.samples.filter((s, i) => i > 0 && s.value > r.samples[i - 1]!.value).map((s) => s.t);
      return {
        totalMs: r.totalMs,
        jobMs: r.jobMs,
        longestBeforeDoneMs: r.longestBeforeDoneMs,
        longestTaskMs: r.longestTaskMs,
        longTasks: r.longTasks,
        progressSteps: increases(values),
        progressFirstStepMs: stepTimes.length > 0 ? stepTimes[0]! - r.t0 : null,
        progressLongestGapMs: stepTimes.length > 0 ? longestGap(stepTimes[0]!, stepTimes) : 0,
        events: jobs.timesOf(r.jobId).length,
        eventsPeak: peakPerSecond(jobs.timesOf(r.jobId)),
      };
    });
}

/** The job was over before its Cancel button could be clicked (the page did not respond meanwhile). */
class CancelMissed extends Error {
  constructor() {
    super('the job was over before Cancel could be clicked: the page did not respond while it ran');
  }
}

interface CancelFigures {
  cancelMs: number;
  cancelUiMs: number;
  changedAfterCancel: number;
}

async function cancelMidRun(page: Page, server: RunningServer, documentId: string, total: number, timeout: number): Promise<CancelFigures> {
  await translateAllButton(page, timeout);
  const started = await lastClick(page, 'Translate all');
  const threshold = Math.max(20, Math.floor(total * 0.15));
  await page.waitForFunction(
    ([t0, n]) => window.__bench.events.some((e) => e.t >= t0 && (e.done >= n || e.state !== 'running')),
    [started, threshold] as [number, number],
    { polling: 50, timeout },
  );
  const cancel = page
    .getByRole('progressbar', { name: 'Translation progress' })
    .locator('xpath=..')
    .getByRole('button', { name: 'Cancel' });
  const over = page.waitForFunction((t0) => window.__bench.events.some((e) => e.t >= t0 && e.state !== 'running'), started, {
    polling: 100,
    timeout,
  });
  const first = await Promise.race([
    cancel.click({ timeout }).then(() => 'clicked' as const),
    over.then(
      () => 'over' as const,
      () => 'timeout' as const,
    ),
  ]);
  if (first === 'over') throw new CancelMissed();
  const clicked = await lastClick(page, 'Cancel');
  const ended = (await (
    await page.waitForFunction(
      (t0) => {
        const b = window.__bench;
        const e = b.events.find((x) => x.t >= t0 && x.state !== 'running');
        const last = b.progress[b.progress.length - 1];
        return e && last && last.value === null && last.t >= t0 ? { state: e.state, eventAt: e.t, done: e.done, uiAt: last.t } : false;
      },
      clicked,
      { polling: 'raf', timeout },
    )
  ).jsonValue()) as { state: string; eventAt: number; done: number; uiAt: number };
  if (ended.state !== 'cancelled')
    throw new Error(`the job ended “${ended.state}”, not cancelled (it finished before the click took effect)`);
  await new Promise((r) => setTimeout(r, 1500));
  const after = await machineCount(server, documentId);
  return { cancelMs: ended.eventAt - clicked, cancelUiMs: ended.uiAt - clicked, changedAfterCancel: after - ended.done };
}

async function find(page: Page, text: string, timeout: number): Promise<number | null> {
  const box = page
    .getByRole('textbox', { name: 'Find', exact: true })
    .or(page.getByRole('searchbox', { name: 'Find', exact: true }))
    .first();
  await page.evaluate(quietAfter, [0, 500] as [number, number]);
  const inputs = await page.evaluate(() => window.__bench.inputs.length);
  await page.evaluate(watchSettle, [700, timeout] as [number, number]);
  await box.fill(text, { timeout });
  const settled = await page.evaluate(() => window.__bench.settled ?? null);
  const since = await page.evaluate((n) => window.__bench.inputs[n] ?? null, inputs);
  return settled === null || since === null ? null : settled - since;
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdpMetric(cdp, 'JSHeapUsedSize')) / (1024 * 1024);
}

// ---- One run at one size

function emptyFigures(paragraphs: number): RunFigures {
  return {
    paragraphs,
    importMs: null,
    openPaintMs: null,
    openInteractiveMs: null,
    openScriptMs: null,
    reopenInteractiveMs: null,
    reopenScriptMs: null,
    translateMs: null,
    translateJobMs: null,
    translateLongestBeforeDoneMs: null,
    rawApertiumMs: null,
    machineAfter: null,
    translateLongestTaskMs: null,
    translateLongTasks: null,
    progressSteps: null,
    progressFirstStepMs: null,
    progressLongestGapMs: null,
    progressEvents: null,
    progressEventsPeakPerSecond: null,
    cancelMs: null,
    cancelUiMs: null,
    changedAfterCancel: null,
    cancelMissed: null,
    findMs: null,
    findClearMs: null,
    findShown: null,
    heapMb: null,
  };
}

async function runOnce(browser: Browser, size: number, run: number, options: Options, notes: string[]): Promise<RunFigures> {
  const f = emptyFigures(size);
  const timeout = options.stepTimeoutMs;
  const wants = (step: string): boolean => !options.only || options.only.has(step);
  const main = corpus(size, 1000 + size + run, options.linkShare);
  const other = corpus(size, 5000 + size + run, options.linkShare);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-bench-ui-'));
  const textFile = path.join(tmp, 'plain.txt');
  fs.writeFileSync(textFile, main.map((p) => p.plain).join('\n\n') + '\n');
  const dataDir = makeDataDir();
  const server = await startServer(dataDir);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  let page = await context.newPage();
  const jobs = watchJobs(server);
  const note = (step: string, err: unknown): void => {
    const message = err instanceof Error ? (process.env.BENCH_DEBUG ? err.message : err.message.split('\n')[0]!) : String(err);
    notes.push(`${size} paragraphs, run ${run + 1}, ${step}: ${message}`);
    log(`${step}: ${message}`);
  };
  try {
    await page.addInitScript(installPageBench);
    let cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    /** After a step the page did not survive: a new page (the old one may be stuck), the document open again. */
    const freshPage = async (): Promise<void> => {
      void page.close().catch(() => undefined);
      page = await context.newPage();
      await page.addInitScript(installPageBench);
      cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
    };
    await invoke(server, 'setProfile', { name: 'Bench Translator', role: 'translator' });
    const title = `Bench translate ${size}`;
    const cancelTitle = `Bench cancel ${size}`;
    const t = performance.now();
    const doc = await invoke<Doc>(server, 'importDocument', {
      source: { kind: 'text', text: main.map((p) => p.markdown).join('\n\n'), format: 'md' },
      sourceLang: 'en',
      targetLang: 'es',
      title,
    });
    f.importMs = performance.now() - t;
    if (doc.paragraphs.length !== size) throw new Error(`the import made ${doc.paragraphs.length} paragraphs, not ${size}`);
    log(`imported ${size} paragraphs in ${(f.importMs / 1000).toFixed(1)} s`);

    if (wants('translate')) {
      try {
        f.rawApertiumMs = await rawApertium(textFile);
        log(`raw apertium: ${(f.rawApertiumMs / 1000).toFixed(1)} s`);
      } catch (err) {
        note('raw apertium', err);
      }
    }

    try {
      const open = await openDocument(page, cdp, server, title, timeout);
      f.openPaintMs = open.paintMs;
      f.openInteractiveMs = open.interactiveMs;
      f.openScriptMs = open.scriptMs;
      log(
        `open: paint ${Math.round(open.paintMs)} ms, interactive ${Math.round(open.interactiveMs)} ms, scripting ${Math.round(open.scriptMs)} ms`,
      );
    } catch (err) {
      note('open', err);
      return f;
    }

    if (wants('translate')) {
      try {
        const tr = await translateAll(page, cdp, jobs, timeout, size);
        f.translateMs = tr.totalMs;
        f.translateJobMs = tr.jobMs;
        f.translateLongestBeforeDoneMs = tr.longestBeforeDoneMs;
        f.translateLongestTaskMs = tr.longestTaskMs;
        f.translateLongTasks = tr.longTasks;
        f.progressSteps = tr.progressSteps;
        f.progressFirstStepMs = tr.progressFirstStepMs;
        f.progressLongestGapMs = tr.progressLongestGapMs;
        f.progressEvents = tr.events;
        f.progressEventsPeakPerSecond = tr.eventsPeak;
        f.machineAfter = await machineCount(server, doc.id);
        log(`Translate all: ${(tr.totalMs / 1000).toFixed(1)} s, longest task ${Math.round(tr.longestTaskMs)} ms`);
      } catch (err) {
        note('Translate all', err);
        // Free the machine for the next steps: the job cancelled, and a new page with the document.
        for (const jobId of jobs.running()) await invoke(server, 'cancelJob', { jobId }).catch(() => undefined);
        await freshPage();
        await openDocument(page, cdp, server, title, timeout).catch((e: unknown) => note('open after Translate all', e));
      }
    }

    if (wants('find')) {
      try {
        const { word } = findWord(main);
        f.findMs = await find(page, word, timeout);
        f.findShown = `“${word}”: ${
          (
            await page
              .getByText(/Showing \d+ of \d+ paragraphs/)
              .first()
              .textContent({ timeout: 5000 })
              .catch(() => null)
          )?.match(/\d+ of \d+/)?.[0] ?? '?'
        }`;
        f.findClearMs = await find(page, '', timeout);
        log(`Find ${f.findShown}: ${Math.round(f.findMs ?? NaN)} ms, clear ${Math.round(f.findClearMs ?? NaN)} ms`);
      } catch (err) {
        note('Find', err);
      }
    }

    try {
      f.heapMb = await heapMb(cdp);
      log(`heap: ${f.heapMb.toFixed(0)} MB`);
    } catch (err) {
      note('heap', err);
    }

    if (wants('reopen')) {
      try {
        const open = await openDocument(page, cdp, server, title, timeout);
        f.reopenInteractiveMs = open.interactiveMs;
        f.reopenScriptMs = open.scriptMs;
        log(`reopen: interactive ${Math.round(open.interactiveMs)} ms, scripting ${Math.round(open.scriptMs)} ms`);
      } catch (err) {
        note('reopen', err);
      }
    }

    if (wants('cancel')) {
      try {
        const second = await invoke<Doc>(server, 'importDocument', {
          source: { kind: 'text', text: other.map((p) => p.markdown).join('\n\n'), format: 'md' },
          sourceLang: 'en',
          targetLang: 'es',
          title: cancelTitle,
        });
        await openDocument(page, cdp, server, cancelTitle, timeout);
        const c = await cancelMidRun(page, server, second.id, size, timeout);
        f.cancelMs = c.cancelMs;
        f.cancelUiMs = c.cancelUiMs;
        f.changedAfterCancel = c.changedAfterCancel;
        f.cancelMissed = false;
        log(`Cancel: ${Math.round(c.cancelMs)} ms (UI ${Math.round(c.cancelUiMs)} ms), ${c.changedAfterCancel} changed after`);
      } catch (err) {
        if (err instanceof CancelMissed) f.cancelMissed = true;
        note('Cancel', err);
      }
    }
    return f;
  } finally {
    jobs.stop();
    await context.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ---- Main

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(executablePath))
    throw new Error(`Chromium is needed at ${executablePath} (Debian: apt-get install chromium), or set CHROMIUM_PATH.`);
  const modes = spawnSync('apertium', ['-l'], { encoding: 'utf8' });
  if (modes.status !== 0 || !modes.stdout.split('\n').some((l) => l.trim() === 'eng-spa')) {
    throw new Error('Apertium with the eng-spa pair is needed (Debian: apt-get install apertium apertium-eng-spa).');
  }
  if (options.build) {
    const built = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs'), '--quiet'], { stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the build failed');
  }
  // The same Chromium and flags as the e2e tests (playwright.config.ts).
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const version = browser.version();
  const columns: RunFigures[] = [];
  const notes: string[] = [];
  try {
    for (const size of options.sizes) {
      const runs: RunFigures[] = [];
      for (let run = 0; run < options.runs; run++) {
        console.log(`bench:ui: ${size} paragraphs, run ${run + 1} of ${options.runs}`);
        runs.push(await runOnce(browser, size, run, options, notes));
      }
      columns.push(combineRuns(runs));
    }
  } finally {
    await browser.close();
  }
  const sample = corpus(Math.min(200, options.sizes[0]!), 1, options.linkShare);
  const chars = Math.round(sample.reduce((n, p) => n + p.plain.length, 0) / sample.length);
  console.log(
    `\nVerso in browser mode, Chromium ${version}, ${os.cpus().length} CPUs; median of ${options.runs} run(s); ` +
      `English news-like paragraphs of ~${chars} characters, ${Math.round(options.linkShare * 100)} % with a link.`,
  );
  console.log(formatTable(columns));
  const { pass, fail } = tally(columns);
  console.log(`${pass} PASS, ${fail} FAIL (figures only: the bench never fails on a time)`);
  if (notes.length > 0) console.log(`\nNot measured:\n${notes.map((n) => `  - ${n}`).join('\n')}`);
}

main().catch((err: unknown) => {
  console.error(`bench:ui: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
