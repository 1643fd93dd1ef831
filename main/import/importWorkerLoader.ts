/**
 * The import worker's entry in dist (importWorker.cjs): runs its bundle beside it
 * (importWorkerMain.cjs, importWorker.ts) with the code cache of its kind of worker (workerData,
 * set by importWorkers.ts: a document's parser and a TMX file's reader compile different functions).
 */
import path from 'node:path';
import { workerData } from 'node:worker_threads';
import { runWithCodeCache } from '../codeCache/runWithCodeCache.js';

const kind = (workerData as { codeCacheKind?: unknown } | null)?.codeCacheKind;
runWithCodeCache(
  path.join(__dirname, 'importWorkerMain.cjs'),
  typeof kind === 'string' && /^[\w-]+$/.test(kind) ? kind : 'worker',
  'ready',
);
