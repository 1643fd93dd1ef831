/**
 * Runs a bundled CommonJS file (the CLI, an import worker) with a V8 code cache kept beside it, as
 * Node 22's module.enableCompileCache does (Node 20 has none): the bundles are 3–5 MB, and compiling
 * them, then each function they use, costs every start — each of a command's threads compiles its
 * own copy. The cache holds the functions compiled when it was made (`save`: at the process's exit,
 * or when the bundle says its work is done: codeCacheReady.ts), so a later start compiles none
 * of them. It is used only for the very same bytes (their length and SHA-256, ~3 ms for 4.6 MB, in
 * the cache's first line: V8 itself checks only the source's length, and a file's times may be as
 * coarse as a second on some file systems, so a bundle rebuilt at once with the same length would
 * otherwise get the old bytecode) under the same V8 (its version in the name; V8 also refuses data
 * of other flags), and written once, when there was none to use (the first run
 * of each kind decides what it holds). Where the folder cannot be written (an installed app),
 * nothing is cached; a damaged cache is compiled around and replaced.
 * The cache is as trusted as the bundle beside it: it is never kept anywhere else (a shared
 * temporary folder would let another user plant one). Under Electron (the desktop app's workers)
 * nothing is cached: the app runs only the code it was packaged with.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { threadId } from 'node:worker_threads';
import { onCodeCacheReady } from './codeCacheReady.js';

const HEADER = 'verso-code-cache 2';

/** What happened to the cache (tests, diagnostics). */
export type CodeCacheUse = 'used' | 'rejected' | 'none';

/** The cache file of `file` for this V8, and for one kind of run of it (`kind`: each kind of worker has its own). */
export const codeCacheFile = (file: string, kind: string): string => `${file}.${kind}.${process.versions.v8}-${process.arch}.v8cache`;

/** The cached data kept for these very bytes, or undefined. */
function readCache(cacheFile: string, identity: string): Buffer | undefined {
  let kept: Buffer;
  try {
    kept = fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const newline = kept.indexOf(10);
  return newline > 0 && kept.toString('latin1', 0, newline) === `${HEADER} ${identity}` ? kept.subarray(newline + 1) : undefined;
}

function writeCache(cacheFile: string, identity: string, script: vm.Script): void {
  const temporary = `${cacheFile}.${process.pid}-${threadId}-${Date.now()}`;
  try {
    fs.writeFileSync(temporary, Buffer.concat([Buffer.from(`${HEADER} ${identity}\n`), script.createCachedData()]));
    fs.renameSync(temporary, cacheFile);
  } catch {
    fs.rmSync(temporary, { force: true }); // a folder that cannot be written: no cache
  }
}

/** The bundle's bytes, and what tells these very bytes from others (whatever the file's times say). */
function readBundle(file: string): { bytes: Buffer; identity: string } {
  const bytes = fs.readFileSync(file);
  return { bytes, identity: `${bytes.length}:${createHash('sha256').update(bytes).digest('hex')}` };
}

/**
 * Loads and runs `file` as Node would require it (its own `require`, `module`, `__dirname`), with
 * the code cache of `kind`. `saveAt`: 'exit' writes the cache when the process exits; 'ready' when
 * the bundle calls `markCodeCacheReady` (codeCacheReady.ts; a worker thread, stopped by `terminate`, has no exit).
 */
export function runWithCodeCache(file: string, kind: string, saveAt: 'exit' | 'ready'): CodeCacheUse {
  const { bytes, identity } = readBundle(file);
  const cacheFile = codeCacheFile(file, kind);
  const enabled = process.versions.electron === undefined;
  const cachedData = enabled ? readCache(cacheFile, identity) : undefined;
  // A #! line is made a comment: the same offsets, so stack traces keep their columns.
  const source = bytes.toString('utf8').replace(/^#!/, '//');
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const use: CodeCacheUse = cachedData === undefined ? 'none' : script.cachedDataRejected === true ? 'rejected' : 'used';
  if (enabled && use !== 'used') {
    const save = () => writeCache(cacheFile, identity, script);
    if (saveAt === 'exit') process.once('exit', save);
    else onCodeCacheReady(save);
  }
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const module = new Module(file);
  module.filename = file;
  const require = Module.createRequire(file);
  run.call(module.exports, module.exports, require, module, file, path.dirname(file));
  return use;
}
