/**
 * Apertium (local, rule-based MT from Debian packages). Pairs are discovered from the system
 * (`apertium -l` and the `*.mode` files); a batch runs through one running pipeline per pair in
 * null-flush mode, one NUL-terminated block per paragraph, so boundaries are exact. The pipeline
 * (apertiumSession.ts) stays running between batches; a batch that comes while it is busy gets a
 * pipeline of its own.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { LanguagePair } from '../../shared/types.js';
import { ServiceError } from '../core/serviceError.js';
import { deformat, reformat } from './apertiumFormat.js';
import { modeToPair } from './apertiumLanguages.js';
import { PipelineError, splitAtTagger, UTF8_ENV, type PipelineStats } from './apertiumPipeline.js';
import { createKnownWords } from './apertiumKnownWords.js';
import { ApertiumSession } from './apertiumSession.js';
import type { EngineDescription, MtEngine, MtOutput, TranslateOptions } from './mtEngine.js';

export interface ApertiumEngineOptions {
  /** The `apertium` wrapper, used to list the installed modes (default `apertium`). */
  command?: string;
  /** Where `*.mode` files live; default: /usr/share/apertium/modes, then /usr/local/share/apertium/modes. */
  modesDir?: string;
  /** Prints the null-flush pipeline of a mode (default `apertium-wblank-mode`). */
  wblankModeCommand?: string;
  /** How long a discovery result is reused, in ms (default 30 s). */
  cacheMs?: number;
  /** Paragraphs (or sentences) in flight per tagger process (default 8). */
  window?: number;
  /** Keep each pair's pipeline running between batches (default true). */
  keepAlive?: boolean;
  /** How long an idle pipeline is kept, in ms (default 5 minutes). */
  idleMs?: number;
  /**
   * A file that keeps the words known to narrow each pair's tagger across restarts (JSON, written
   * after a batch that learnt some). Only routing depends on it: a stale or damaged file costs
   * time, never a different translation, and is ignored.
   */
  knownWordsFile?: string;
}

export interface ApertiumEngine extends MtEngine {
  /** Counters for tests and diagnostics. */
  readonly stats: PipelineStats;
  /** Running processes of the pipelines kept between batches (for tests and diagnostics). */
  idleProcesses(): number;
  /** Ends the pipelines kept between batches. */
  close(): void;
}

interface Mode {
  name: string;
  file: string;
  pair: LanguagePair;
}

interface Discovery {
  available: boolean;
  reason: 'ENGINE_UNAVAILABLE' | null;
  engineVersion: string | null;
  modes: Mode[];
}

const DEFAULT_MODES_DIRS = ['/usr/share/apertium/modes', '/usr/local/share/apertium/modes'];
const STDERR_LIMIT = 4000;

interface ExecResult {
  ok: boolean;
  enoent: boolean;
  stdout: string;
}

function run(command: string, args: string[]): Promise<ExecResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { encoding: 'utf8', timeout: 15_000, env: { ...process.env, ...UTF8_ENV }, maxBuffer: 4 * 1024 * 1024 },
      (err, stdout) => {
        const code = (err as NodeJS.ErrnoException | null)?.code;
        resolve({ ok: err === null, enoent: code === 'ENOENT', stdout: String(stdout ?? '') });
      },
    );
  });
}

function onPath(command: string): boolean {
  if (command.includes('/')) return isExecutable(command);
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && isExecutable(path.join(dir, command)));
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function listModeFiles(dirs: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      if (!name.endsWith('.mode')) continue;
      const mode = name.slice(0, -'.mode'.length);
      if (!files.has(mode)) files.set(mode, path.join(dir, name));
    }
  }
  return files;
}

async function dpkgVersion(pkg: string): Promise<string | null> {
  const r = await run('dpkg-query', ['-W', '-f=${Version}', pkg]);
  const v = r.stdout.trim();
  return r.ok && v !== '' ? v : null;
}

/** The Debian package that installed a mode file (`apertium-eng-spa`), if any. */
async function packageOf(modeFile: string): Promise<string | null> {
  const r = await run('dpkg-query', ['-S', modeFile]);
  if (r.ok) {
    const pkg = /^([a-z0-9][a-z0-9+.-]*)(?::[a-z0-9]+)?:\s/m.exec(r.stdout)?.[1];
    if (pkg) return pkg;
  }
  // Not from a package (or no dpkg): the language data directory is named like the package.
  try {
    const text = fs.readFileSync(modeFile, 'utf8');
    return /\/(apertium-[a-z_]+-[a-z_]+)\//.exec(text)?.[1] ?? null;
  } catch {
    return null;
  }
}

export function createApertiumEngine(options: ApertiumEngineOptions = {}): ApertiumEngine {
  const command = options.command ?? 'apertium';
  const modesDirs = options.modesDir ? [options.modesDir] : DEFAULT_MODES_DIRS;
  const wblank = options.wblankModeCommand ?? 'apertium-wblank-mode';
  const cacheMs = options.cacheMs ?? 30_000;
  const stats: PipelineStats = { processesSpawned: 0, taggersStarted: 0, retagged: 0 };
  /** Words that narrow a tagger, learnt from its reports, per pair (see apertiumTaggerScheduler.ts). */
  const knownWords = createKnownWords(options.knownWordsFile);

  let discovery: { at: number; value: Promise<Discovery> } | null = null;
  const pairVersions = new Map<string, Promise<string>>();
  const pipelines = new Map<string, Promise<string>>();
  /** The running pipeline kept for each pair between batches (by mode file). */
  const kept = new Map<string, ApertiumSession>();
  const keepAlive = options.keepAlive ?? true;

  async function discoverNow(): Promise<Discovery> {
    const listed = await run(command, ['-l']);
    if (listed.enoent || !onPath(wblank)) {
      return { available: false, reason: 'ENGINE_UNAVAILABLE', engineVersion: null, modes: [] };
    }
    const files = listModeFiles(modesDirs);
    // Prefer the wrapper's own list; fall back to the mode files when it cannot list.
    const names = listed.ok
      ? listed.stdout
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l !== '')
      : [...files.keys()];
    const modes: Mode[] = [];
    for (const name of names) {
      const file = files.get(name);
      const pair = modeToPair(name);
      if (!file || !pair) continue;
      if (modes.some((m) => m.pair.source === pair.source && m.pair.target === pair.target)) continue;
      modes.push({ name, file, pair });
    }
    return { available: true, reason: null, engineVersion: await dpkgVersion('apertium'), modes };
  }

  function discover(): Promise<Discovery> {
    const now = Date.now();
    if (!discovery || now - discovery.at > cacheMs) discovery = { at: now, value: discoverNow() };
    return discovery.value;
  }

  function pairVersion(mode: Mode, engineVersion: string | null): Promise<string> {
    let v = pairVersions.get(mode.file);
    if (!v) {
      v = (async () => {
        const engine = engineVersion ? `apertium ${engineVersion}` : null;
        const pkg = await packageOf(mode.file);
        const data = pkg ? await dpkgVersion(pkg) : null;
        const parts = [engine, pkg && data ? `${pkg} ${data}` : null].filter((p): p is string => p !== null);
        return parts.length > 0 ? parts.join('; ') : 'unknown';
      })();
      pairVersions.set(mode.file, v);
    }
    return v;
  }

  function pipelineFor(mode: Mode): Promise<string> {
    let p = pipelines.get(mode.file);
    if (!p) {
      p = run(wblank, ['-z', mode.file]).then((r) => {
        if (r.enoent) throw new ServiceError('ENGINE_UNAVAILABLE', `Apertium is not installed (${wblank} was not found).`);
        const pipeline = r.stdout.trim();
        if (!r.ok || pipeline === '') {
          throw new ServiceError('ENGINE_FAILED', `Apertium could not prepare the ${mode.name} pipeline.`, { mode: mode.name });
        }
        return pipeline;
      });
      p.catch(() => pipelines.delete(mode.file));
      pipelines.set(mode.file, p);
    }
    return p;
  }

  async function describe(pair?: LanguagePair): Promise<EngineDescription> {
    const d = await discover();
    const mode = pair ? d.modes.find((m) => m.pair.source === pair.source && m.pair.target === pair.target) : undefined;
    const version = mode ? await pairVersion(mode, d.engineVersion) : d.engineVersion ? `apertium ${d.engineVersion}` : 'unknown';
    return { available: d.available, unavailableReason: d.reason, version, pairs: d.modes.map((m) => ({ ...m.pair })) };
  }

  async function translateBatch(texts: readonly string[], pair: LanguagePair, { signal, onResult }: TranslateOptions): Promise<MtOutput[]> {
    signal.throwIfAborted();
    if (texts.length === 0) return [];
    const d = await discover();
    if (!d.available) throw new ServiceError('ENGINE_UNAVAILABLE', 'Apertium is not installed on this computer.');
    const mode = d.modes.find((m) => m.pair.source === pair.source && m.pair.target === pair.target);
    if (!mode) {
      throw new ServiceError('ENGINE_PAIR_UNSUPPORTED', `Apertium has no installed language pair ${pair.source} → ${pair.target}.`, {
        source: pair.source,
        target: pair.target,
      });
    }
    const pipeline = await pipelineFor(mode);
    signal.throwIfAborted();
    return runPipeline(pipeline, mode, texts, signal, onResult);
  }

  function runPipeline(
    pipeline: string,
    mode: Mode,
    texts: readonly string[],
    signal: AbortSignal,
    onResult: TranslateOptions['onResult'],
  ): Promise<MtOutput[]> {
    const results: (MtOutput | undefined)[] = new Array<MtOutput | undefined>(texts.length);
    let received = 0;
    let session = kept.get(mode.file);
    if (!session || session.busy || !session.usable) {
      session = new ApertiumSession({
        parts: splitAtTagger(pipeline),
        pipeline,
        stats,
        knownNarrowing: knownWords.forMode(mode.name),
        window: options.window,
        idleMs: options.idleMs,
      });
    }
    const mine = session;
    const done = (): void => {
      knownWords.save();
      const current = kept.get(mode.file);
      if (keepAlive && mine.usable && (!current || current === mine || !current.usable)) kept.set(mode.file, mine);
      else {
        if (current === mine) kept.delete(mode.file);
        mine.close();
      }
    };
    return mine
      .run(
        texts.map((t) => deformat(t)),
        signal,
        (index, block) => {
          if (results[index] !== undefined) throw new Error(`Apertium delivered paragraph ${index} twice.`);
          const output = reformat(block);
          results[index] = output;
          received++;
          onResult?.(index, output);
        },
      )
      .then(
        () => {
          done();
          return results.map((r) => r ?? { text: '', unknownWords: [] });
        },
        (err: unknown) => {
          done();
          if (signal.aborted || !(err instanceof PipelineError || (err as NodeJS.ErrnoException)?.code !== undefined)) throw err;
          if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
            throw new ServiceError('ENGINE_UNAVAILABLE', 'Apertium could not be started (bash was not found).');
          }
          const stderr = err instanceof PipelineError ? err.stderr : '';
          throw new ServiceError('ENGINE_FAILED', err instanceof Error ? err.message : String(err), {
            mode: mode.name,
            expected: texts.length,
            received,
            ...(stderr !== '' ? { stderr: stderr.slice(0, STDERR_LIMIT) } : {}),
            ...(err instanceof PipelineError && err.exitCode !== null ? { exitCode: err.exitCode } : {}),
          });
        },
      );
  }

  function idleProcesses(): number {
    let n = 0;
    for (const s of kept.values()) if (s.usable && !s.busy) n += s.processCount;
    return n;
  }

  function close(): void {
    for (const s of kept.values()) s.close();
    kept.clear();
  }

  return {
    id: 'apertium',
    name: 'Apertium',
    kind: 'apertium',
    local: true,
    capabilities: { glossary: 'none', markup: 'placeholders', context: false },
    stats,
    describe,
    translateBatch,
    idleProcesses,
    close,
  };
}
