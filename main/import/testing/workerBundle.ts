/** Bundles the import worker with esbuild (as scripts/build.mjs does) for tests that need a real worker thread. */
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll } from 'vitest';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';

export async function buildWorkerBundle(outDir: string): Promise<string> {
  const outfile = path.join(outDir, 'importWorker.cjs');
  await build({
    entryPoints: [path.resolve(__dirname, '..', 'importWorker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
    external: ['electron', 'better-sqlite3'],
  });
  return outfile;
}

/**
 * A worker bundle built once for the calling test file (before its tests) in a temporary folder
 * removed after them: `bundle.file` is the entry, `bundle.dir` the folder for the tests' own files.
 */
export function useWorkerBundle(): { readonly file: string; readonly dir: string } {
  let dir = '';
  let file = '';
  beforeAll(async () => {
    dir = makeTempDir();
    file = await buildWorkerBundle(dir);
  }, 60_000);
  afterAll(() => removeTempDir(dir));
  return {
    get file() {
      return file;
    },
    get dir() {
      return dir;
    },
  };
}
