/**
 * Runs a streamed TMX read (tmxStream.ts) in the import worker (a worker thread with a heap
 * limit), or in process when no worker bundle is at hand (unit tests). Batches come back over a
 * MessagePort; the worker reads on while at most IN_FLIGHT batches wait for the main side's
 * acknowledgement (sent once the sink took one), so neither side holds more than a few batches. Cancelling terminates the worker at once.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { ServiceError } from '../core/serviceError.js';
import type { TmxReadSummary } from '../memory/tmxReader.js';
import type { NewTmUnit } from '../memory/tmStore.js';
import { failedOutcome, type ImportOutcome } from './importJob.js';
import { unwrap } from './importRunner.js';
import { startImportWorker } from './importWorkers.js';
// The TMX reader (saxes) loads with the first streamed read, so a worker that parses a document or
// builds a TMX index starts without it.
import type { TmxBatchSink, TmxStreamJob, TmxStreamProgress } from './tmxStream.js';

/** The message that starts a streamed read in the worker. */
export interface TmxStreamRequest {
  kind: 'tmxStream';
  job: TmxStreamJob;
  port: MessagePort;
}

type FromWorker =
  { type: 'batch'; units: NewTmUnit[]; progress: TmxStreamProgress } | { type: 'done'; outcome: ImportOutcome<TmxReadSummary> };

export function isTmxStreamRequest(message: unknown): message is TmxStreamRequest {
  return typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'tmxStream';
}

/** Batches the worker may send before the first of them is acknowledged: it reads on while the main side stores. */
const IN_FLIGHT = 2;

/** The worker's side: reads the file, sends each batch, and waits when IN_FLIGHT are unacknowledged. */
export function serveTmxStream({ job, port }: TmxStreamRequest): void {
  let unacknowledged = 0;
  let waiting: (() => void) | null = null;
  port.on('message', () => {
    unacknowledged--;
    const next = waiting;
    waiting = null;
    next?.();
  });
  const sink: TmxBatchSink = (units, progress) => {
    unacknowledged++;
    port.postMessage({ type: 'batch', units, progress } satisfies FromWorker);
    return unacknowledged < IN_FLIGHT ? Promise.resolve() : new Promise<void>((resolve) => (waiting = resolve));
  };
  void import('./tmxStream.js')
    .then(({ streamTmx }) => streamTmx(job, sink))
    .then(
      (value) => port.postMessage({ type: 'done', outcome: { ok: true, value } } satisfies FromWorker),
      (err: unknown) => port.postMessage({ type: 'done', outcome: failedOutcome(err) } satisfies FromWorker),
    );
}

export interface TmxStreamRunnerOptions {
  /** Bundled worker entry; null reads in process. */
  workerFile: string | null;
  heapMb: number;
}

function inWorker(
  options: { workerFile: string; heapMb: number },
  job: TmxStreamJob,
  sink: TmxBatchSink,
  signal: AbortSignal,
): Promise<TmxReadSummary> {
  return new Promise((resolve, reject) => {
    const worker = startImportWorker(options.workerFile, options.heapMb);
    const { port1, port2 } = new MessageChannel();
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      port1.close();
      void worker.terminate();
      fn();
    };
    const onAbort = (): void => settle(() => reject(signal.reason as Error));
    signal.addEventListener('abort', onAbort);
    // Batches are stored one after the other, in order; the end waits for the last of them.
    let stored = Promise.resolve();
    port1.on('message', (message: FromWorker) => {
      stored = stored.then(async () => {
        if (settled) return;
        if (message.type === 'done')
          return settle(() => (message.outcome.ok ? resolve(message.outcome.value) : reject(errorOf(message.outcome))));
        await sink(message.units, message.progress);
        if (!settled) port1.postMessage('ack');
      });
      stored.catch((err: unknown) => settle(() => reject(err)));
    });
    worker.on('error', (err: Error & { code?: string }) =>
      settle(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new ServiceError('IMPORT_TOO_COMPLEX', `Reading the file needed more than ${options.heapMb} MB of memory.`, {
                limit: `${options.heapMb} MB`,
              })
            : new ServiceError('INTERNAL', `The import worker failed: ${err.message}`),
        ),
      ),
    );
    worker.on('exit', (code) => settle(() => reject(new ServiceError('INTERNAL', `The import worker stopped (exit code ${code}).`))));
    const source = job.source.kind === 'bytes' ? { kind: 'bytes' as const, bytes: new Uint8Array(job.source.bytes) } : job.source;
    const request: TmxStreamRequest = { kind: 'tmxStream', job: { ...job, source }, port: port2 };
    worker.postMessage(request, source.kind === 'bytes' ? [port2, source.bytes.buffer] : [port2]);
  });
}

function errorOf(outcome: ImportOutcome<TmxReadSummary>): unknown {
  try {
    unwrap(outcome);
  } catch (err) {
    return err;
  }
  return new ServiceError('INTERNAL', 'The import worker gave no error.');
}

/** Reads a TMX file in batches; rejects with the signal's reason when it is aborted. */
export function runTmxStream(
  options: TmxStreamRunnerOptions,
  job: TmxStreamJob,
  sink: TmxBatchSink,
  signal: AbortSignal,
): Promise<TmxReadSummary> {
  signal.throwIfAborted();
  if (options.workerFile) return inWorker({ workerFile: options.workerFile, heapMb: options.heapMb }, job, sink, signal);
  return import('./tmxStream.js').then(({ streamTmx }) => streamTmx(job, sink, signal));
}
