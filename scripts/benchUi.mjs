#!/usr/bin/env node
// npm run bench:ui — long documents through the whole app (browser mode + Playwright + Debian's
// Chromium) beside raw `apertium eng-spa` on the same text. The bench lives in tools/benchUi/
// (TypeScript, its pure parts unit-tested); this bundles it and runs it. Options (see README):
//   --sizes 1500,5000,10000  --runs N  --only translate,find,reopen,cancel  --plain
//   --step-timeout SECONDS (default 600)  --no-build
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Two folders below the root, as the sources it bundles expect (they find the root from there).
const outfile = path.join(root, 'dist', 'bench', 'benchUi.mjs');
await build({
  entryPoints: [path.join(root, 'tools/benchUi/benchUi.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outfile,
  external: ['@playwright/test', 'playwright', 'playwright-core'],
  logLevel: 'error',
});
const r = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
