/**
 * Runs parse jobs (documents, TMX, glossaries) in a worker thread (one per job, with a heap limit
 * and a time limit), or in process when no worker bundle is at hand (unit tests run the
 * TypeScript sources).
 */
import type { ParsedImport } from '../../shared/import/importedDocument.js';
import { ServiceError } from '../core/serviceError.js';
import { runImportJob, type ImportJob, type ImportJobValues, type ImportOutcome } from './importJob.js';
import { startImportWorker } from './importWorkers.js';
import { IMPORT_LIMITS } from './limits.js';

/** A document to import: a file or pasted text. */
export type DocumentJob = Extract<ImportJob, { kind: 'file' | 'text' }>;

export interface ImportRunner {
  /** A document (a file or pasted text). */
  parse(job: DocumentJob): Promise<ParsedImport>;
  /** Any job, its value typed by its kind. */
  run<J extends ImportJob>(job: J): Promise<ImportJobValues[J['kind']]>;
  /** 'worker' when jobs run in a worker thread. */
  readonly mode: 'worker' | 'in-process';
}

export interface ImportRunnerOptions {
  /** Bundled worker entry; null runs jobs in process. */
  workerFile: string | null;
  timeoutMs?: number;
  heapMb?: number;
}

export function unwrap<V>(outcome: ImportOutcome<V>): V {
  if (outcome.ok) return outcome.value;
  throw ServiceError.withDetails(outcome.error.code, outcome.error.message, outcome.error.details);
}

function inWorker<V>(workerFile: string, job: ImportJob, timeoutMs: number, heapMb: number): Promise<V> {
  return new Promise((resolve, reject) => {
    const worker = startImportWorker(workerFile, heapMb);
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(
            new ServiceError('IMPORT_TIMEOUT', `Reading the file took longer than ${Math.round(timeoutMs / 1000)} s.`, {
              seconds: Math.max(1, Math.round(timeoutMs / 1000)),
            }),
          ),
        ),
      timeoutMs,
    );
    worker.on('message', (outcome: ImportOutcome<V>) =>
      settle(() => {
        try {
          resolve(unwrap(outcome));
        } catch (err) {
          reject(err);
        }
      }),
    );
    worker.on('error', (err: Error & { code?: string }) =>
      settle(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ServiceError('IMPORT_TOO_COMPLEX', `Reading the file needed more than ${heapMb} MB of memory.`, { limit: `${heapMb} MB` })
            : new ServiceError('INTERNAL', `The import worker failed: ${err.message}`),
        ),
      ),
    );
    worker.on('exit', (code) => settle(() => reject(new ServiceError('INTERNAL', `The import worker stopped (exit code ${code}).`))));
    // Bytes are copied once and moved (not cloned again) to the worker.
    const transfer = job.kind === 'file' ? { ...job, bytes: new Uint8Array(job.bytes) } : job;
    worker.postMessage(transfer, 'bytes' in transfer ? [transfer.bytes.buffer] : []);
  });
}

export function createImportRunner(options: ImportRunnerOptions): ImportRunner {
  const timeoutMs = options.timeoutMs ?? IMPORT_LIMITS.workerTimeoutMs;
  const heapMb = options.heapMb ?? IMPORT_LIMITS.workerHeapMb;
  const { workerFile } = options;
  async function run<J extends ImportJob>(job: J): Promise<ImportJobValues[J['kind']]> {
    type V = ImportJobValues[J['kind']];
    if (!workerFile) return unwrap((await runImportJob(job)) as ImportOutcome<V>);
    return inWorker<V>(workerFile, job, timeoutMs, heapMb);
  }
  return {
    mode: workerFile ? 'worker' : 'in-process',
    parse: (job) => run(job),
    run,
  };
}
