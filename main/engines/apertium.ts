/**
 * Apertium (local, rule-based MT from Debian packages). Pairs are discovered from the system
 * (`apertium -l` and the `*.mode` files); a batch runs in ONE pipeline process in null-flush
 * mode, one NUL-terminated block per paragraph, so boundaries are exact.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { LanguagePair } from '../../shared/types.js';
import { ServiceError } from '../services/serviceError.js';
import { deformat, reformat } from './apertiumFormat.js';
import { modeToPair } from './apertiumLanguages.js';
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
}

export interface ApertiumEngine extends MtEngine {
  /** Counters for tests and diagnostics. */
  readonly stats: { processesSpawned: number };
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
const UTF8_ENV = { LC_ALL: 'C.UTF-8', LC_CTYPE: 'C.UTF-8' };
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
  const stats = { processesSpawned: 0 };

  let discovery: { at: number; value: Promise<Discovery> } | null = null;
  const pairVersions = new Map<string, Promise<string>>();
  const pipelines = new Map<string, Promise<string>>();

  async function discoverNow(): Promise<Discovery> {
    const listed = await run(command, ['-l']);
    if (listed.enoent || !onPath(wblank)) {
      return { available: false, reason: 'ENGINE_UNAVAILABLE', engineVersion: null, modes: [] };
    }
    const files = listModeFiles(modesDirs);
    // Prefer the wrapper's own list; fall back to the mode files when it cannot list.
    const names = listed.ok
      ? listed.stdout.split('\n').map((l) => l.trim()).filter((l) => l !== '')
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
    const version = mode
      ? await pairVersion(mode, d.engineVersion)
      : d.engineVersion
        ? `apertium ${d.engineVersion}`
        : 'unknown';
    return { available: d.available, unavailableReason: d.reason, version, pairs: d.modes.map((m) => ({ ...m.pair })) };
  }

  async function translateBatch(
    texts: readonly string[],
    pair: LanguagePair,
    { signal, onResult }: TranslateOptions,
  ): Promise<MtOutput[]> {
    signal.throwIfAborted();
    if (texts.length === 0) return [];
    const d = await discover();
    if (!d.available) throw new ServiceError('ENGINE_UNAVAILABLE', 'Apertium is not installed on this computer.');
    const mode = d.modes.find((m) => m.pair.source === pair.source && m.pair.target === pair.target);
    if (!mode) {
      throw new ServiceError(
        'ENGINE_PAIR_UNSUPPORTED',
        `Apertium has no installed language pair ${pair.source} → ${pair.target}.`,
        { source: pair.source, target: pair.target },
      );
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
    return new Promise<MtOutput[]>((resolve, reject) => {
      // `$1` = -g keeps the unknown-word marks, `$2` = tagger option (none). Detached: its own
      // process group, so cancelling kills every stage of the pipeline.
      const child = spawn('bash', ['-c', pipeline, 'bash', '-g', ''], {
        detached: true,
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, ...UTF8_ENV },
      });
      stats.processesSpawned++;

      const results: MtOutput[] = [];
      const decoder = new TextDecoder('utf-8');
      let pending: Buffer = Buffer.alloc(0);
      let stderr = '';
      let settled = false;

      const killGroup = (): void => {
        if (child.pid === undefined) return;
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      };
      const finish = (err: unknown, value?: MtOutput[]): void => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        if (err !== undefined) {
          killGroup();
          reject(err);
        } else resolve(value ?? []);
      };
      const onAbort = (): void => finish(signal.reason ?? new Error('aborted'));
      signal.addEventListener('abort', onAbort, { once: true });

      const failed = (message: string, extra: Record<string, string | number> = {}): ServiceError =>
        new ServiceError('ENGINE_FAILED', message, {
          mode: mode.name,
          expected: texts.length,
          received: results.length,
          ...(stderr.trim() !== '' ? { stderr: stderr.trim().slice(0, STDERR_LIMIT) } : {}),
          ...extra,
        });

      child.on('error', (err: NodeJS.ErrnoException) => {
        finish(
          err.code === 'ENOENT'
            ? new ServiceError('ENGINE_UNAVAILABLE', 'Apertium could not be started (bash was not found).')
            : failed(`Apertium could not be started: ${err.message}`),
        );
      });
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (chunk: string) => {
        if (stderr.length < STDERR_LIMIT) stderr += chunk;
      });
      child.stdout.on('data', (chunk: Buffer) => {
        if (settled) return;
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        let nul: number;
        while (!settled && (nul = pending.indexOf(0)) !== -1) {
          const block = decoder.decode(pending.subarray(0, nul));
          pending = pending.subarray(nul + 1);
          if (block === '') continue; // extra flushes at the end of the stream
          if (results.length >= texts.length) {
            finish(failed('Apertium returned more translations than paragraphs sent.'));
            return;
          }
          const output = reformat(block);
          results.push(output);
          try {
            onResult?.(results.length - 1, output);
          } catch (err) {
            finish(err);
            return;
          }
        }
      });
      child.on('close', (code, sig) => {
        if (settled) return;
        if (signal.aborted) return finish(signal.reason ?? new Error('aborted'));
        if (decoder.decode(pending).trim() !== '') {
          return finish(failed('Apertium output ended in the middle of a paragraph.'));
        }
        if (code !== 0) {
          const how = sig ? `was stopped by ${sig}` : `exited with code ${code}`;
          return finish(failed(`Apertium ${how}${stderr.trim() ? `: ${stderr.trim().split('\n')[0]}` : '.'}`, { exitCode: code ?? -1 }));
        }
        if (results.length !== texts.length) {
          return finish(failed(`Apertium returned ${results.length} translations for ${texts.length} paragraphs.`));
        }
        finish(undefined, results);
      });

      child.stdin.on('error', () => {
        // EPIPE when the pipeline dies early; 'close' reports the failure.
      });
      child.stdin.end(Buffer.from(texts.map((t) => deformat(t) + '\0').join(''), 'utf8'));
    });
  }

  return { id: 'apertium', name: 'Apertium', stats, describe, translateBatch };
}
