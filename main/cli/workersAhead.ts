/**
 * The commands that read files in import workers start them while the CLI is still loading
 * (importWorkers.ts): `verso import` and `verso reimport` the document's, `verso tm import` the TMX
 * file's, and `verso import --prefill-from` both (the TMX file's reading is then the longer path:
 * its fills are waited for). Workers not taken (a usage error) do not keep the command running.
 */
import { bundledWorkerFile, startImportWorkerAhead } from '../import/importWorkers.js';
import { IMPORT_LIMITS } from '../import/limits.js';

/** The heaps of the workers the command in `args` will ask for (a TMX file's reading first). */
export function workersAheadFor(args: readonly string[]): number[] {
  const [command, sub] = args;
  const fromTmx = args.some((a) => a === '--prefill-from' || a.startsWith('--prefill-from='));
  if (command === 'import') return fromTmx ? [IMPORT_LIMITS.tmxWorkerHeapMb, IMPORT_LIMITS.workerHeapMb] : [IMPORT_LIMITS.workerHeapMb];
  if (command === 'reimport') return [IMPORT_LIMITS.workerHeapMb];
  if (command === 'tm' && sub === 'import') return [IMPORT_LIMITS.tmxWorkerHeapMb];
  return [];
}

/** Starts them (none without a worker bundle: the command then reads in process); how many. */
export function startWorkersAhead(args: readonly string[], workerFile: string | null = bundledWorkerFile()): number {
  if (workerFile === null) return 0;
  const heaps = workersAheadFor(args);
  for (const heapMb of heaps) startImportWorkerAhead(workerFile, heapMb);
  return heaps.length;
}
