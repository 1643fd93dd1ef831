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

/**
 * What `verso import` will read: its file (resolved against `cwd`; undefined unless the arguments
 * name exactly one) and whether a TMX file too. Arguments the command refuses start the document's
 * worker only, which parses nothing ahead (the command then says what is wrong).
 */
function importReads(args: readonly string[], cwd: string): { file: string | undefined; tmx: boolean } {
  try {
    const { values, positionals } = parseArgs({ args: args.slice(1), options: IMPORT_OPTIONS, allowPositionals: true, strict: true });
    return { file: positionals.length === 1 ? path.resolve(cwd, positionals[0]!) : undefined, tmx: values['prefill-from'] !== undefined };
  } catch {
    return { file: undefined, tmx: false };
  }
}

/** The workers the command in `args` will ask for (a TMX file's reading first). */
export function workersAheadFor(args: readonly string[], cwd = process.cwd()): WorkerAhead[] {
  const [command, sub] = args;
  const document = { heapMb: IMPORT_LIMITS.workerHeapMb };
  const tmx = { heapMb: IMPORT_LIMITS.tmxWorkerHeapMb };
  if (command === 'import') {
    const reads = importReads(args, cwd);
    const parser = reads.file === undefined ? document : { ...document, parseAhead: reads.file };
    return reads.tmx ? [tmx, parser] : [parser];
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
