#!/usr/bin/env node
// npm run bench:import — pathological files through the whole app (browser mode), beside ordinary
// articles of the same size. The bench lives in tools/benchImport/ (TypeScript); this bundles it
// and runs it. Options: --size BYTES  --runs N  --only SUBSTRING (see the bench's header).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Two folders below the root, as the sources it bundles expect (they find the root from there).
const outfile = path.join(root, 'dist', 'bench', 'benchImport.mjs');
await build({
  entryPoints: [path.join(root, 'tools/benchImport/benchImport.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outfile,
  logLevel: 'error',
});
const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
