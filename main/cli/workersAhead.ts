/**
 * The commands that read files in import workers start them while the CLI is still loading
 * (importWorkers.ts): `verso import` and `verso reimport` the document's, `verso tm import` the TMX
 * file's, and `verso import --prefill-from` both (the TMX file's reading is then the longer path:
 * its fills are waited for). `verso import`'s worker also parses the file meanwhile (parseAhead.ts).
 * Workers not taken (a usage error) do not keep the command running.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bundledWorkerFile, startImportWorkerAhead } from '../import/importWorkers.js';
import { IMPORT_LIMITS } from '../import/limits.js';
import { IMPORT_OPTIONS } from './importOptions.js';

/** A worker to start: its heap, and the document it parses ahead (absolute path). */
export interface WorkerAhead {
  heapMb: number;
  parseAhead?: string;
}

/** The file `verso import` will import (resolved against `cwd`), or undefined when the arguments do not name exactly one. */
function importedFile(args: readonly string[], cwd: string): string | undefined {
  try {
    const { positionals } = parseArgs({ args: args.slice(1), options: IMPORT_OPTIONS, allowPositionals: true, strict: true });
    return positionals.length === 1 ? path.resolve(cwd, positionals[0]!) : undefined;
  } catch {
    return undefined; // the command says what is wrong
  }
}

/** The workers the command in `args` will ask for (a TMX file's reading first). */
export function workersAheadFor(args: readonly string[], cwd = process.cwd()): WorkerAhead[] {
  const [command, sub] = args;
  const document = { heapMb: IMPORT_LIMITS.workerHeapMb };
  const tmx = { heapMb: IMPORT_LIMITS.tmxWorkerHeapMb };
  if (command === 'import') {
    const file = importedFile(args, cwd);
    const parser = file === undefined ? document : { ...document, parseAhead: file };
    const fromTmx = args.some((a) => a === '--prefill-from' || a.startsWith('--prefill-from='));
    return fromTmx ? [tmx, parser] : [parser];
  }
  if (command === 'reimport') return [document];
  if (command === 'tm' && sub === 'import') return [tmx];
  return [];
}

/** Starts them (none without a worker bundle: the command then reads in process); how many. */
export function startWorkersAhead(args: readonly string[], workerFile: string | null = bundledWorkerFile()): number {
  if (workerFile === null) return 0;
  const workers = workersAheadFor(args);
  for (const w of workers) startImportWorkerAhead(workerFile, w.heapMb, w.parseAhead);
  return workers.length;
}
