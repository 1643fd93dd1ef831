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
  return proseSentences(files.filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f, 'utf8')).join('\n\n'));
}

function corpus(paragraphs: number, seed: number, linkShare: number): BenchParagraph[] {
  const news = sentencesFrom([path.join(root, 'main/testing/fixtures/reference-article-body.txt')]);
  const other = sentencesFrom(
    ['GPL-3', 'Apache-2.0', 'MPL-2.0', 'LGPL-2.1', 'GPL-2', 'GFDL-1.3', 'Artistic', 'MPL-1.1'].map((f) => `/usr/share/common-licenses/${f}`),
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
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
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

async function translateAllButton(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Translate all' }).click();
}

interface TranslateFigures {
  totalMs: number;
  longestTaskMs: number;
  longTasks: number;
  progressSteps: number;
  progressLongestGapMs: number;
  events: number;
  eventsPeak: number;
}

async function translateAll(page: Page, timeout: number): Promise<TranslateFigures> {
  await translateAllButton(page);
  const clicked = await lastClick(page, 'Translate all');
  const over = (await (await page.waitForFunction(jobOverShown, [clicked, 'done'] as [number, string], { polling: 'raf', timeout })).jsonValue()) as number;
  return page.evaluate(
    ([t0, t1]) => {
      const b = window.__bench;
      const tasks = b.longtasks.filter((t) => t.start >= t0 && t.start <= t1);
      const events = b.events.filter((e) => e.t >= t0 && e.t <= t1 + 50);
      const doneAt = events.find((e) => e.state !== 'running')?.t ?? t1;
      const samples = b.progress.filter((s) => s.t >= t0 && s.t <= doneAt && s.value !== null);
      return {
        totalMs: t1 - t0,
        longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
        longTasks: tasks.length,
        samples: samples.map((s) => ({ t: s.t, value: s.value! })),
        eventTimes: events.map((e) => e.t),
        t0,
      };
    },
    [clicked, over] as [number, number],
  ).then((r) => {
    const values = r.samples.map((s) => s.value);
    const stepTimes = r.samples.filter((s, i) => i > 0 && s.value > r.samples[i - 1]!.value).map((s) => s.t);
    return {
      totalMs: r.totalMs,
      longestTaskMs: r.longestTaskMs,
      longTasks: r.longTasks,
      progressSteps: increases(values),
      progressLongestGapMs: longestGap(r.t0, stepTimes),
      events: r.eventTimes.length,
      eventsPeak: peakPerSecond(r.eventTimes),
    };
  });
}

interface CancelFigures {
  cancelMs: number;
  cancelUiMs: number;
  changedAfterCancel: number;
}

async function cancelMidRun(page: Page, server: RunningServer, documentId: string, total: number, timeout: number): Promise<CancelFigures> {
  await translateAllButton(page);
  const started = await lastClick(page, 'Translate all');
  const threshold = Math.max(20, Math.floor(total * 0.15));
  await page.waitForFunction(
    ([t0, n]) => window.__bench.events.some((e) => e.t >= t0 && (e.done >= n || e.state !== 'running')),
    [started, threshold] as [number, number],
    { polling: 50, timeout },
  );
  const cancel = page.getByRole('progressbar', { name: 'Translation progress' }).locator('xpath=..').getByRole('button', { name: 'Cancel' });
  await cancel.click({ timeout });
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
  if (ended.state !== 'cancelled') throw new Error(`the job ended “${ended.state}”, not cancelled (it finished before the click took effect)`);
  await new Promise((r) => setTimeout(r, 1500));
  const after = await machineCount(server, documentId);
  return { cancelMs: ended.eventAt - clicked, cancelUiMs: ended.uiAt - clicked, changedAfterCancel: after - ended.done };
}

async function find(page: Page, text: string, timeout: number): Promise<number | null> {
  const box = page.getByRole('textbox', { name: 'Find', exact: true }).or(page.getByRole('searchbox', { name: 'Find', exact: true })).first();
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
    rawApertiumMs: null,
    machineAfter: null,
    translateLongestTaskMs: null,
    translateLongTasks: null,
    progressSteps: null,
    progressLongestGapMs: null,
    progressEvents: null,
    progressEventsPeakPerSecond: null,
    cancelMs: null,
    cancelUiMs: null,
    changedAfterCancel: null,
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
  const page = await context.newPage();
  const note = (step: string, err: unknown): void => {
    const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    notes.push(`${size} paragraphs, run ${run + 1}, ${step}: ${message}`);
    log(`${step}: ${message}`);
  };
  try {
    await page.addInitScript(installPageBench);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
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
      log(`open: paint ${Math.round(open.paintMs)} ms, interactive ${Math.round(open.interactiveMs)} ms, scripting ${Math.round(open.scriptMs)} ms`);
    } catch (err) {
      note('open', err);
      return f;
    }

    if (wants('translate')) {
      try {
        const tr = await translateAll(page, timeout);
        f.translateMs = tr.totalMs;
        f.translateLongestTaskMs = tr.longestTaskMs;
        f.translateLongTasks = tr.longTasks;
        f.progressSteps = tr.progressSteps;
        f.progressLongestGapMs = tr.progressLongestGapMs;
        f.progressEvents = tr.events;
        f.progressEventsPeakPerSecond = tr.eventsPeak;
        f.machineAfter = await machineCount(server, doc.id);
        log(`Translate all: ${(tr.totalMs / 1000).toFixed(1)} s, longest task ${Math.round(tr.longestTaskMs)} ms`);
      } catch (err) {
        note('Translate all', err);
        // Free the machine for the next steps.
        const running = await page.evaluate(() => window.__bench.events.filter((e) => e.state === 'running').pop()?.jobId ?? null).catch(() => null);
        if (running) await invoke(server, 'cancelJob', { jobId: running }).catch(() => undefined);
      }
    }

    if (wants('find')) {
      try {
        const { word } = findWord(main);
        f.findMs = await find(page, word, timeout);
        f.findShown = `“${word}”: ${(await page.getByText(/Showing \d+ of \d+ paragraphs/).first().textContent({ timeout: 5000 }).catch(() => null))?.match(/\d+ of \d+/)?.[0] ?? '?'}`;
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
        log(`Cancel: ${Math.round(c.cancelMs)} ms (UI ${Math.round(c.cancelUiMs)} ms), ${c.changedAfterCancel} changed after`);
      } catch (err) {
        note('Cancel', err);
      }
    }
    return f;
  } finally {
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
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium is needed at ${executablePath} (Debian: apt-get install chromium), or set CHROMIUM_PATH.`);
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
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
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
