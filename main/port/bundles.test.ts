/**
 * What the desktop app's bundles may load at run time, as scripts/build.mjs bundles them: the
 * backend process (a utility process) loads no `electron` (it reaches Electron only through
 * `process.parentPort`), and the sandboxed preload loads nothing but `electron`.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../testing/bundleEntry.js';

async function requiresOf(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [path.join(REPO_ROOT, entry)],
    bundle: true,
    write: false,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
    external: ['electron', 'better-sqlite3'],
    define: { __VERSO_VERSION__: JSON.stringify('0.0.0-test') },
  });
  const code = result.outputFiles[0]!.text;
  return [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!))].sort();
}

describe('desktop bundles', () => {
  it('the backend process loads better-sqlite3 and Node built-ins, never electron', async () => {
    const requires = await requiresOf('main/backendProcess.ts');
    expect(requires).toContain('better-sqlite3');
    expect(requires).not.toContain('electron');
    const builtin = new Set(builtinModules);
    // linkedom tries `canvas` inside a try/catch, and pg requires `pg-native` only when `pg.native` is
    // read (Verso never does); neither is installed, nothing needs them.
    expect(requires.filter((r) => r !== 'better-sqlite3' && !r.startsWith('node:') && !builtin.has(r))).toEqual(['canvas', 'pg-native']);
  }, 60_000);

  it('the preload loads only electron (the port client is bundled in)', async () => {
    expect(await requiresOf('main/electron/preload.ts')).toEqual(['electron']);
  }, 60_000);
});
