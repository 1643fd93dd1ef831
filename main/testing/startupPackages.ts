/**
 * The npm packages a bundled entry evaluates when it starts: those its static imports reach, as
 * esbuild bundles them (scripts/build.mjs). A module reached only through `import()` is wrapped by
 * esbuild in a lazy initialiser, evaluated when a job first needs it, so it is not counted.
 */
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { REPO_ROOT } from './bundleEntry.js';

/** The package a bundled input belongs to (`@scope/name` or `name`), or null for the app's own files. */
function packageOf(input: string): string | null {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match ? match[1]! : null;
}

/** Inputs reached from `entry` by static imports and requires (not by `import()`). */
export function staticallyReached(metafile: Metafile, entry: string): Set<string> {
  const reached = new Set<string>();
  const queue = [entry];
  for (let input = queue.pop(); input !== undefined; input = queue.pop()) {
    if (reached.has(input)) continue;
    reached.add(input);
    for (const imported of metafile.inputs[input]?.imports ?? []) {
      if (imported.kind !== 'dynamic-import' && !imported.external) queue.push(imported.path);
    }
  }
  return reached;
}

/** Bundles `entry` (e.g. `main/cli.ts`, in memory) and gives the packages evaluated at its start. */
export async function startupPackages(entry: string): Promise<Set<string>> {
  const result = await build({
    entryPoints: [path.join(REPO_ROOT, entry)],
    absWorkingDir: REPO_ROOT,
    bundle: true,
    write: false,
    metafile: true,
    outfile: path.join(REPO_ROOT, 'dist', 'startup-check.cjs'),
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
    external: ['electron', 'better-sqlite3', 'pg-native'],
    define: { __VERSO_VERSION__: JSON.stringify('9.9.9-test') },
  });
  const packages = new Set<string>();
  for (const input of staticallyReached(result.metafile, entry)) {
    const name = packageOf(input);
    if (name) packages.add(name);
  }
  return packages;
}
