/**
 * A bundle run with its V8 code cache (runWithCodeCache.ts), each run in its own Node process as
 * the CLI and the import workers run: it runs as `require` would run it; the cache is written once
 * (at exit, or when the bundle says it is ready), then used; a changed file of the same length, a
 * damaged cache, a folder that cannot take it, and Electron each run right with no cache used.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { codeCacheFile } from './runWithCodeCache.js';

const dir = makeTempDir('verso-code-cache-');
const loader = path.join(dir, 'loader.cjs');
afterAll(() => removeTempDir(dir));

beforeAll(async () => {
  await build({
    stdin: {
      contents: `export { runWithCodeCache } from './runWithCodeCache.ts'; export { markCodeCacheReady } from './codeCacheReady.ts';`,
      resolveDir: __dirname,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: loader,
    logLevel: 'error',
  });
}, 30_000);

/** A bundle that says what it saw: its answer, and that require, module, __filename and __dirname are its own. */
const bundle = (answer: number, ready = '') => `#!/usr/bin/env node
const path = require('node:path');
module.exports.answer = ${answer};
function double(x) { return x * 2; }
console.log(JSON.stringify({ answer: double(${answer}) / 2, file: path.basename(__filename), dirSame: __dirname === path.dirname(__filename), exported: module.exports.answer }));
${ready}`;

/** Runs `file` through the loader in a new process: what it printed, and what the loader did with the cache. */
function run(file: string, saveAt: 'exit' | 'ready', electron = false) {
  const script = `${electron ? "Object.defineProperty(process.versions, 'electron', { value: '40.0.0' });" : ''}
    const { runWithCodeCache } = require(${JSON.stringify(loader)});
    const use = runWithCodeCache(${JSON.stringify(file)}, 'test', ${JSON.stringify(saveAt)});
    process.stderr.write(use);`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return { printed: JSON.parse(r.stdout) as Record<string, unknown>, use: r.stderr };
}

const cacheOf = (file: string) => codeCacheFile(file, 'test');

describe('runWithCodeCache', () => {
  it('runs the bundle as require would; writes the cache at exit once, then uses it', () => {
    const file = path.join(dir, 'plain.cjs');
    fs.writeFileSync(file, bundle(42));
    const first = run(file, 'exit');
    expect(first).toEqual({ printed: { answer: 42, file: 'plain.cjs', dirSame: true, exported: 42 }, use: 'none' });
    const written = fs.statSync(cacheOf(file));
    expect(fs.readFileSync(cacheOf(file)).toString('latin1').split('\n')[0]).toMatch(/^verso-code-cache 2 \d+:[0-9a-f]{64}$/);
    const second = run(file, 'exit');
    expect(second).toEqual({ ...first, use: 'used' });
    // Used, not written again.
    expect(fs.statSync(cacheOf(file)).mtimeMs).toBe(written.mtimeMs);
  });

  it('a file rewritten with the same length is not given the old cache (V8 checks only the length), even with the same times', () => {
    const file = path.join(dir, 'changed.cjs');
    fs.writeFileSync(file, bundle(42));
    run(file, 'exit');
    const { atime, mtime } = fs.statSync(file);
    fs.writeFileSync(file, bundle(43));
    // As on a file system whose times are whole seconds: the rewrite looks as old as the cached file.
    fs.utimesSync(file, atime, mtime);
    expect(fs.statSync(file).size).toBe(Buffer.byteLength(bundle(42)));
    expect(run(file, 'exit')).toMatchObject({ printed: { answer: 43 }, use: 'none' });
    expect(run(file, 'exit')).toMatchObject({ printed: { answer: 43 }, use: 'used' });
  });

  it('a damaged cache is compiled around and replaced; a folder that cannot take it caches nothing', () => {
    const file = path.join(dir, 'damaged.cjs');
    fs.writeFileSync(file, bundle(7));
    run(file, 'exit');
    const kept = fs.readFileSync(cacheOf(file));
    const header = kept.indexOf(10) + 1;
    fs.writeFileSync(cacheOf(file), Buffer.concat([kept.subarray(0, header), Buffer.alloc(kept.length - header, 0x5a)]));
    expect(run(file, 'exit')).toMatchObject({ printed: { answer: 7 }, use: 'rejected' });
    expect(run(file, 'exit')).toMatchObject({ printed: { answer: 7 }, use: 'used' });

    const blocked = path.join(dir, 'blocked.cjs');
    fs.writeFileSync(blocked, bundle(8));
    fs.mkdirSync(cacheOf(blocked)); // the cache's name is taken: it cannot be written
    expect(run(blocked, 'exit')).toMatchObject({ printed: { answer: 8 }, use: 'none' });
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(`${path.basename(cacheOf(blocked))}.`))).toEqual([]);
  });

  it("'ready': written when the bundle says its work is done, not at exit", () => {
    const silent = path.join(dir, 'silent.cjs');
    fs.writeFileSync(silent, bundle(1));
    run(silent, 'ready');
    expect(fs.existsSync(cacheOf(silent))).toBe(false);
    const ready = path.join(dir, 'ready.cjs');
    fs.writeFileSync(ready, bundle(2, `require(${JSON.stringify(loader)}).markCodeCacheReady();`));
    expect(run(ready, 'ready').use).toBe('none');
    expect(fs.existsSync(cacheOf(ready))).toBe(true);
    expect(run(ready, 'ready').use).toBe('used');
  });

  it('under Electron nothing is cached', () => {
    const file = path.join(dir, 'electron.cjs');
    fs.writeFileSync(file, bundle(5));
    expect(run(file, 'exit', true)).toMatchObject({ printed: { answer: 5 }, use: 'none' });
    expect(fs.existsSync(cacheOf(file))).toBe(false);
  });
});
