/** Bundles the import worker with esbuild (as scripts/build.mjs does) for tests that need a real worker thread. */
import path from 'node:path';
import { build } from 'esbuild';

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
