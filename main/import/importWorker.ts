/**
 * Entry of the import worker thread (bundled to dist/main/importWorkerMain.cjs, which
 * importWorker.cjs runs with its code cache: importWorkerLoader.ts): parses one job per
 * message, so a big or hostile file never blocks the main process; a TMX file is streamed back
 * in batches over its own port (tmxStreamRunner.ts), the index of a TMX file's source segments
 * sent over its own port too (tmxSourceIndexRunner.ts). A worker started ahead for `verso import`
 * may be asked first to parse the file ahead (parseAhead.ts); its job then takes that parse.
 */
import { parentPort } from 'node:worker_threads';
import { markCodeCacheReady } from '../codeCache/codeCacheReady.js';
import { runImportJob, type ImportJob } from './importJob.js';
import { isParseAheadRequest, startParseAhead, takeParsedAhead, type ParseAheadRequest } from './parseAhead.js';
import { isTmxSourceIndexRequest, serveTmxSourceIndex, type TmxSourceIndexRequest } from './tmxSourceIndexRunner.js';
import { isTmxStreamRequest, serveTmxStream, type TmxStreamRequest } from './tmxStreamRunner.js';

parentPort?.on('message', (job: ImportJob | TmxStreamRequest | TmxSourceIndexRequest | ParseAheadRequest) => {
  if (isTmxStreamRequest(job)) return serveTmxStream(job);
  if (isTmxSourceIndexRequest(job)) return serveTmxSourceIndex(job);
  if (isParseAheadRequest(job)) return startParseAhead(job);
  void (takeParsedAhead(job) ?? runImportJob(job)).then((outcome) => {
    // Before the answer: once answered, the worker may be stopped at any moment (a cache half written).
    markCodeCacheReady();
    parentPort?.postMessage(outcome);
  });
});
