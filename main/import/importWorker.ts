/**
 * Entry of the import worker thread (bundled to dist/main/importWorker.cjs): parses one job per
 * message, so a big or hostile file never blocks the main process; a TMX file is streamed back
 * in batches over its own port (tmxStreamRunner.ts).
 */
import { parentPort } from 'node:worker_threads';
import { runImportJob, type ImportJob } from './importJob.js';
import { isTmxStreamRequest, serveTmxStream, type TmxStreamRequest } from './tmxStreamRunner.js';

parentPort?.on('message', (job: ImportJob | TmxStreamRequest) => {
  if (isTmxStreamRequest(job)) return serveTmxStream(job);
  void runImportJob(job).then((outcome) => parentPort?.postMessage(outcome));
});
