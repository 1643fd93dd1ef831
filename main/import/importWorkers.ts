/**
 * The import worker threads (dist/main/importWorker.cjs, one per job, each with a heap limit):
 * where the bundle is, and starting one. A command that knows it will need workers soon (the
 * CLI's `verso import`, main/cli/workersAhead.ts) starts them ahead, while it still loads, so
 * that a job finds its worker already up instead of waiting for the bundle to load (and, for a
 * document, already parsed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParseAheadRequest } from './parseAhead.js';

/**
 * dist/main/importWorker.cjs next to the running bundle, if it is there. In a packaged app the
 * copy unpacked beside app.asar is preferred (a worker thread cannot start from inside the archive).
 */
export function bundledWorkerFile(dir: string | null = typeof __dirname === 'string' ? __dirname : null): string | null {
  if (dir === null) return null;
  const file = path.join(dir, 'importWorker.cjs');
  const unpacked = file.replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  if (unpacked !== file && fs.existsSync(unpacked)) return unpacked;
  return fs.existsSync(file) ? file : null;
}

interface Ahead {
  key: string;
  worker: Worker;
  /** Stops watching it (once a job takes it, the job's own handlers do). */
  forget: () => void;
}

/** Started ahead and still up (one that fails or stops before a job takes it leaves the list). */
const ahead: Ahead[] = [];
const keyOf = (file: string, heapMb: number): string => `${heapMb}\0${file}`;
/** Each kind of worker (told apart by its heap) keeps its own code cache (importWorkerLoader.ts). */
const launch = (file: string, heapMb: number): Worker =>
  new Worker(file, { resourceLimits: { maxOldGenerationSizeMb: heapMb }, workerData: { codeCacheKind: `heap-${heapMb}` } });

/**
 * Starts a worker of `file` with `heapMb` of heap for a job that will come. Until taken it does
 * not keep the process alive; one that fails to start is dropped, and the job starts its own.
 * `parseAhead`: a document (absolute path) the worker reads and parses meanwhile (parseAhead.ts).
 */
export function startImportWorkerAhead(file: string, heapMb: number, parseAhead?: string): void {
  const worker = launch(file, heapMb);
  if (parseAhead !== undefined) worker.postMessage({ kind: 'parseAhead', path: parseAhead } satisfies ParseAheadRequest);
  const onGone = (): void => {
    const i = ahead.findIndex((a) => a.worker === worker);
    if (i >= 0) ahead.splice(i, 1)[0]!.forget();
  };
  worker.on('error', onGone).on('exit', onGone);
  worker.unref();
  ahead.push({ key: keyOf(file, heapMb), worker, forget: () => void worker.off('error', onGone).off('exit', onGone) });
}

/** A worker for a job now: one started ahead with the same file and heap, else a new one. */
export function startImportWorker(file: string, heapMb: number): Worker {
  const key = keyOf(file, heapMb);
  const i = ahead.findIndex((a) => a.key === key);
  if (i < 0) return launch(file, heapMb);
  const [taken] = ahead.splice(i, 1);
  taken!.forget();
  taken!.worker.ref();
  return taken!.worker;
}

/** How many workers started ahead wait for a job (tests). */
export function workersAheadWaiting(): number {
  return ahead.length;
}
