/**
 * `verso tm import <file.tmx> --pair <source>-<target> [--replace] [--no-index-wait]` (issue 17): a TMX file of any
 * size into the library's translation memory, through the same streamed import as the app
 * (read in the import worker, all or nothing). Progress on stderr, the summary with units/s on
 * stdout; then the new units are indexed before the command ends (lookups find them at once).
 * Needs the library to itself (not while Verso runs on it) and its profile.
 */
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { TmxImportJob } from '../../shared/features/memoryApi.js';
import type { JobProgress } from '../../shared/types.js';
import type { Backend } from '../backend.js';
import type { CliIo } from './cliIo.js';
import { CliError } from './writeExportFile.js';

type Usage = (message: string) => Error;

export const TM_USAGE = `  verso tm import <file.tmx> --pair <source>-<target> [--replace] [--no-index-wait]
      Imports a TMX file of any size into the translation memory of a language pair, all or
      nothing: a broken file (or Ctrl+C) stores nothing. --pair en-es (or en:pt-BR, for tags with
      a region); --replace first removes the pair's earlier TMX imports. Progress on stderr, the
      summary (units/s) on stdout; the new units are indexed before it ends (--no-index-wait: the
      app indexes them when it next opens the library). Not while Verso runs.`;

/** Least time between two progress lines. */
const PROGRESS_EVERY_MS = 1_000;

/** "en-es", "en:pt-BR", "en>es", "en/es" → the two tags. */
export function parsePair(value: string | undefined, usage: Usage): { sourceLang: string; targetLang: string } {
  if (value === undefined) throw usage('--pair is required, e.g. --pair en-es (or en:pt-BR).');
  const split = /^([^:>/,]+)[:>/,]([^:>/,]+)$/.exec(value) ?? /^([a-z]{2,3})-([a-z]{2,3})$/i.exec(value);
  if (!split)
    throw usage(`--pair "${value}" is not a pair: write source-target (en-es), or source:target for tags with a region (en:pt-BR).`);
  return { sourceLang: split[1]!.trim(), targetLang: split[2]!.trim() };
}

const count = (n: number): string => n.toLocaleString('en-US');

async function call<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const result = await backend.dispatch(method, input);
  if (!result.ok) throw new CliError(`${result.error.message} (${result.error.code})`);
  return result.value as T;
}

/** Resolves with the job's final progress; prints progress lines meanwhile. */
function followJob(backend: Backend, jobId: string, io: CliIo): Promise<JobProgress> {
  let printed = 0;
  return new Promise((resolve) => {
    const stop = backend.events.subscribe((event, payload) => {
      if (event !== 'jobProgress') return;
      const p = payload;
      if (p.jobId !== jobId) return;
      if (p.state !== 'running') {
        stop();
        resolve(p);
        return;
      }
      const status = p.tmxImport;
      if (!status || Date.now() - printed < PROGRESS_EVERY_MS) return;
      printed = Date.now();
      const percent = status.bytesTotal > 0 ? Math.floor((100 * status.bytesRead) / status.bytesTotal) : 100;
      io.err(
        status.phase === 'reading'
          ? `verso tm import: ${count(status.units)} units read (${percent} % of ${count(status.bytesTotal)} bytes)\n`
          : `verso tm import: storing ${count(status.units)} units\n`,
      );
    });
  });
}

async function waitForIndex(backend: Backend, pair: { sourceLang: string; targetLang: string }, io: CliIo): Promise<void> {
  let printed = Date.now();
  for (;;) {
    const { indexing } = await call<{ indexing: number }>(backend, 'getTmStats', pair);
    if (indexing === 0) return;
    if (Date.now() - printed >= PROGRESS_EVERY_MS) {
      printed = Date.now();
      io.err(`verso tm import: indexing, ${count(indexing)} units to go\n`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function tmImport(io: CliIo, args: string[], openLibrary: () => Backend, usage: Usage): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { pair: { type: 'string' }, replace: { type: 'boolean' }, 'no-index-wait': { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw usage('Give exactly one TMX file: verso tm import <file.tmx> --pair en-es');
  const pair = parsePair(values.pair, usage);
  const file = path.resolve(io.cwd, positionals[0]!);
  const backend = openLibrary();
  try {
    const started = performance.now();
    // The longest the event loop was blocked (publishing is one transaction): what other requests would wait.
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    const { jobId } = await call<{ jobId: string }>(backend, 'startTmxImport', {
      ...pair,
      source: { kind: 'path', path: file },
      mode: values.replace ? 'replace' : 'merge',
    });
    const final = await followJob(backend, jobId, io);
    // A block is recorded at the next tick of the monitor's timer, after it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    stalls.disable();
    const job = await call<TmxImportJob>(backend, 'getTmxImport', { jobId });
    if (final.state !== 'done' || !job.status.result) {
      throw new CliError(final.error ? `${final.error.message} (${final.error.code})` : 'The import was cancelled; nothing was imported.');
    }
    const seconds = (performance.now() - started) / 1000;
    const r = job.status.result;
    io.out(
      `Imported ${count(r.imported)} units into ${pair.sourceLang}→${pair.targetLang} from ${path.basename(file)}: ` +
        `${count(r.skipped)} skipped, ${count(r.removed)} earlier TMX units removed.\n` +
        `Read and stored ${count(job.status.units)} units in ${seconds.toFixed(1)} s (${count(Math.round(job.status.units / seconds))} units/s); ` +
        `longest event-loop block while importing: ${Math.round(stalls.max / 1e6)} ms.\n`,
    );
    if (values['no-index-wait']) {
      io.out('Not waiting for the index: Verso indexes the new units in the background when it next opens the library.\n');
      return 0;
    }
    await waitForIndex(backend, pair, io);
    io.out(`Indexed: lookups find every unit (${((performance.now() - started) / 1000).toFixed(1)} s from the start).\n`);
    const lost = r.notKept.notes + r.notKept.properties + r.notKept.sourceVariants;
    if (lost > 0) {
      io.err(
        `note: not kept (the memory has no place for them): ${r.notKept.notes} notes, ${r.notKept.properties} properties, ${r.notKept.sourceVariants} other source variants.\n`,
      );
    }
    return 0;
  } finally {
    backend.close();
  }
}

export async function tmCommand(io: CliIo, args: string[], openLibrary: () => Backend, usage: Usage): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'import') return tmImport(io, rest, openLibrary, usage);
  throw usage(sub === undefined ? 'verso tm needs a command: verso tm import <file.tmx> --pair en-es' : `Unknown command "tm ${sub}".`);
}
