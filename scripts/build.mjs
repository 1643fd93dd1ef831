#!/usr/bin/env node
// Builds the renderer (Vite) and bundles the main-side entries (esbuild) into dist/.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const quiet = process.argv.includes('--quiet');

await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // Native and Electron modules are loaded at run time, never bundled.
  external: ['electron', 'better-sqlite3'],
  define: { __VERSO_VERSION__: JSON.stringify(pkg.version) },
};

await Promise.all([
  esbuild({ ...common, entryPoints: [path.join(root, 'main/web.ts')], outfile: path.join(root, 'dist/main/web.cjs') }),
  esbuild({ ...common, entryPoints: [path.join(root, 'main/electron/main.ts')], outfile: path.join(root, 'dist/main/electron.cjs') }),
  // The sandboxed preload may require only 'electron'.
  esbuild({ ...common, entryPoints: [path.join(root, 'main/electron/preload.ts')], outfile: path.join(root, 'dist/main/preload.cjs') }),
]);
if (!quiet) console.log('Built dist/renderer and dist/main.');
