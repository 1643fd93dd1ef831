/**
 * Entry of the import worker thread (bundled to dist/main/importWorker.cjs): parses one job per
 * message, so a big or hostile file never blocks the main process; a TMX file is streamed back
 * in batches over its own port (tmxStreamRunner.ts), the index of a TMX file's source segments
 * sent over its own port too (tmxSourceIndexRunner.ts).
 */
import { parentPort } from 'node:worker_threads';
import { runImportJob, type ImportJob } from './importJob.js';
import { isTmxSourceIndexRequest, serveTmxSourceIndex, type TmxSourceIndexRequest } from './tmxSourceIndexRunner.js';
import { isTmxStreamRequest, serveTmxStream, type TmxStreamRequest } from './tmxStreamRunner.js';

parentPort?.on('message', (job: ImportJob | TmxStreamRequest | TmxSourceIndexRequest) => {
  if (isTmxStreamRequest(job)) return serveTmxStream(job);
  if (isTmxSourceIndexRequest(job)) return serveTmxSourceIndex(job);
  void runImportJob(job).then((outcome) => parentPort?.postMessage(outcome));
});
