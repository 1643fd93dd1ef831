/**
 * Entry of the import worker thread (bundled to dist/main/importWorker.cjs): parses one job per
 * message, so a big or hostile file never blocks the main process.
 */
import { parentPort } from 'node:worker_threads';
import { runImportJob, type ImportJob } from './importJob.js';

parentPort?.on('message', (job: ImportJob) => {
  void runImportJob(job).then((outcome) => parentPort?.postMessage(outcome));
});
