// Bundles a TypeScript bench from tools/ into dist/bench/ (two folders below the root, as the
// sources it bundles expect: they find the root from there) and runs it with the given arguments.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function runTsBench(entry, args, external = []) {
  const outfile = path.join(root, 'dist', 'bench', `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile,
    external,
    logLevel: 'error',
  });
  return spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' }).status ?? 1;
}
