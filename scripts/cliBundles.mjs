// The `verso` command's and the import worker's bundles, as scripts/build.mjs writes them into dist/main/
// and bench:tm --vs-omegat into its own folder: each is a small loader (cli.cjs, importWorker.cjs) that
// runs its bundle (cliMain.cjs, importWorkerMain.cjs) with a V8 code cache (main/codeCache/runWithCodeCache.ts).
import path from 'node:path';

/** esbuild options (entry and output) for `outDir`, to spread over the caller's common options. */
export function cliBundles(root, outDir) {
  const entry = (from, to) => ({ entryPoints: [path.join(root, from)], outfile: path.join(outDir, to) });
  return [
    // The `verso` command (package.json "bin"); esbuild keeps the loader's #! line.
    entry('main/cliLoader.ts', 'cli.cjs'),
    entry('main/cli.ts', 'cliMain.cjs'),
    // Import parsing runs in a worker thread (main/import/importWorkers.ts finds it next to the entries).
    entry('main/import/importWorkerLoader.ts', 'importWorker.cjs'),
    entry('main/import/importWorker.ts', 'importWorkerMain.cjs'),
  ];
}
