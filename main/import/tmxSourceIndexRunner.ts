/**
 * Builds the index of a TMX file's source segments (main/memory/tmxSourceIndex.ts) in the import
 * worker (a worker thread with a heap limit), or in process when no worker bundle is at hand (unit
 * tests), so "pre-fill from a TMX file" can start it before the document is imported. The index's
 * arrays come back transferred, not copied. A file the index is not sure of, an unreadable one, or
 * a worker that failed gives the fallback (the real reader then reads the whole file and reports).
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { TmxScanFallback } from '../memory/tmxExactScan.js';
import { buildTmxSourceIndex, type TmxSourceIndex } from '../memory/tmxSourceIndex.js';

/** The message that starts an index in the worker. */
export interface TmxSourceIndexRequest {
  kind: 'tmxSourceIndex';
  file: string;
  sourceLang: string;
  port: MessagePort;
}

type FromWorker = { ok: true; index: TmxSourceIndex } | { ok: false; reason: string };

export function isTmxSourceIndexRequest(message: unknown): message is TmxSourceIndexRequest {
  return typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'tmxSourceIndex';
}

const reasonOf = (err: unknown): string => (err instanceof TmxScanFallback ? err.reason : `the index failed: ${String(err)}`);

/** The index, or the fallback: never rejects. */
async function build(file: string, sourceLang: string): Promise<TmxSourceIndex | TmxScanFallback> {
  try {
    return await buildTmxSourceIndex(file, sourceLang);
  } catch (err) {
    return err instanceof TmxScanFallback ? err : new TmxScanFallback(reasonOf(err));
  }
}

/** The worker's side: builds the index and sends it, its arrays transferred. */
export function serveTmxSourceIndex({ file, sourceLang, port }: TmxSourceIndexRequest): void {
  void build(file, sourceLang).then((index) => {
    if (index instanceof TmxScanFallback) port.postMessage({ ok: false, reason: index.reason } satisfies FromWorker);
    else {
      const arrays = [index.unitStart, index.unitLength, index.hashes, index.hashUnits, index.unsure].map((a) => a.buffer as ArrayBuffer);
      port.postMessage({ ok: true, index } satisfies FromWorker, arrays);
    }
    port.close();
  });
}

function inWorker(
  options: { workerFile: string; heapMb: number },
  file: string,
  sourceLang: string,
): Promise<TmxSourceIndex | TmxScanFallback> {
  return new Promise((resolve) => {
    const worker = new Worker(options.workerFile, { resourceLimits: { maxOldGenerationSizeMb: options.heapMb } });
    const { port1, port2 } = new MessageChannel();
    let settled = false;
    const settle = (value: TmxSourceIndex | TmxScanFallback): void => {
      if (settled) return;
      settled = true;
      port1.close();
      void worker.terminate();
      resolve(value);
    };
    port1.on('message', (message: FromWorker) => settle(message.ok ? message.index : new TmxScanFallback(message.reason)));
    worker.on('error', (err) => settle(new TmxScanFallback(`the import worker failed: ${err.message}`)));
    worker.on('exit', (code) => settle(new TmxScanFallback(`the import worker stopped (exit code ${code})`)));
    const request: TmxSourceIndexRequest = { kind: 'tmxSourceIndex', file, sourceLang, port: port2 };
    worker.postMessage(request, [port2]);
  });
}

/**
 * The index of `file`'s segments in `sourceLang`, built in the worker (`workerFile`) or in process
 * (null); resolves with a TmxScanFallback (its `reason`) when the file cannot be indexed.
 */
export function runTmxSourceIndex(
  options: { workerFile: string | null; heapMb: number },
  file: string,
  sourceLang: string,
): Promise<TmxSourceIndex | TmxScanFallback> {
  if (options.workerFile) return inWorker({ workerFile: options.workerFile, heapMb: options.heapMb }, file, sourceLang);
  return build(file, sourceLang);
}
