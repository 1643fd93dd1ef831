/** Bundles a main entry (the CLI, browser mode) with esbuild for tests that spawn it as a process, as dist/ would hold it. */
import path from 'node:path';
import { build } from 'esbuild';

/** Repository root (this file is main/testing/). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * Bundles `entry` (relative to the repository, e.g. `main/cli.ts`) into `outfile`, which must lie
 * inside the work tree so the bundle finds better-sqlite3 in node_modules like dist/ does.
 */
export async function bundleEntry(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [path.join(REPO_ROOT, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
    external: ['electron', 'better-sqlite3'],
    define: { __VERSO_VERSION__: JSON.stringify('9.9.9-test') },
  });
}
