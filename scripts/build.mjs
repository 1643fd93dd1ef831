#!/usr/bin/env node
// Builds the renderer (Vite) and bundles the main-side entries (esbuild) into dist/.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliBundles } from './cliBundles.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const quiet = process.argv.includes('--quiet');
// VERSO_DIST lets parallel work trees build side by side (default: dist/).
const dist = path.resolve(root, process.env.VERSO_DIST || 'dist');

await viteBuild({
  configFile: path.join(root, 'vite.config.ts'),
  logLevel: quiet ? 'error' : 'warn',
  build: { outDir: path.join(dist, 'renderer'), emptyOutDir: true },
});

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // Native and Electron modules are loaded at run time, never bundled.
  external: ['electron', 'better-sqlite3', 'pg-native'],
  define: { __VERSO_VERSION__: JSON.stringify(pkg.version) },
};

await Promise.all([
  esbuild({ ...common, entryPoints: [path.join(root, 'main/web.ts')], outfile: path.join(dist, 'main/web.cjs') }),
  esbuild({ ...common, entryPoints: [path.join(root, 'main/electron/main.ts')], outfile: path.join(dist, 'main/electron.cjs') }),
  // The desktop app's backend runs in an Electron utility process (main/electron/backendHost.ts forks it).
  esbuild({ ...common, entryPoints: [path.join(root, 'main/backendProcess.ts')], outfile: path.join(dist, 'main/backend.cjs') }),
  // The sandboxed preload may require only 'electron'.
  esbuild({ ...common, entryPoints: [path.join(root, 'main/electron/preload.ts')], outfile: path.join(dist, 'main/preload.cjs') }),
  // The `verso` command and the import worker, each a loader and its bundle (scripts/cliBundles.mjs).
  ...cliBundles(root, path.join(dist, 'main')).map((entry) => esbuild({ ...common, ...entry })),
]);
fs.chmodSync(path.join(dist, 'main/cli.cjs'), 0o755);
if (!quiet) console.log(`Built ${path.relative(root, dist)}/renderer and ${path.relative(root, dist)}/main.`);
