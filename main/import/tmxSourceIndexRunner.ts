/**
 * A TMX file read ahead for "pre-fill from a TMX file" (issue 17), in the import worker (a worker
 * thread with a heap limit) or in process when no worker bundle is at hand (unit tests): the index
 * of its source segments (main/memory/tmxSourceIndex.ts) is built at once, before the document is
 * imported; once asked — as soon as the document's paragraphs are known, while they are stored —
 * the same worker reads their fills from it (tmxIndexFills.ts), so only the matches come back.
 * A file the index is not sure of, an unreadable or broken one, a worker that failed or a reading
 * dropped gives the fallback (the real reader then reads the whole file and reports); it never
 * rejects. Until asked, a reading does not keep the process alive.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { markCodeCacheReady } from '../codeCache/codeCacheReady.js';
import type { FillableParagraph } from '../memory/exactFills.js';
import { fillsReading, type FillsReading } from '../memory/tmxIndexFills.js';
import { TmxScanFallback } from '../memory/tmxExactScan.js';
import { buildTmxSourceIndex, type TmxSourceIndex } from '../memory/tmxSourceIndex.js';
import { startImportWorker } from './importWorkers.js';

interface Pair {
  sourceLang: string;
  targetLang: string;
}

/** The message that starts a reading in the worker. */
export interface TmxSourceIndexRequest {
  kind: 'tmxSourceIndex';
  file: string;
  sourceLang: string;
  port: MessagePort;
}

/** Then, once, on the port: whose fills to read. */
interface FillsRequest {
  paragraphs: readonly FillableParagraph[];
  pair: Pair;
  now: string;
}

type FromWorker = { ok: true; fills: Exclude<FillsReading, TmxScanFallback> } | { ok: false; reason: string };

/** A TMX file being read ahead. */
export interface TmxReadAhead {
  /** The fills of `paragraphs` (asked once). */
  fills(paragraphs: readonly FillableParagraph[], pair: Pair, now: string): Promise<FillsReading>;
  /** Stops the reading (its worker ends); what was asked gives the fallback. */
  dispose(): void;
}

export function isTmxSourceIndexRequest(message: unknown): message is TmxSourceIndexRequest {
  return typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'tmxSourceIndex';
}

/** The index, or the fallback: never rejects. */
async function build(file: string, sourceLang: string): Promise<TmxSourceIndex | TmxScanFallback> {
  try {
    return await buildTmxSourceIndex(file, sourceLang);
  } catch (err) {
    return err instanceof TmxScanFallback ? err : new TmxScanFallback(`the index failed: ${String(err)}`);
  }
}

/** The fills once the index is there, or the fallback: never rejects. */
async function read(index: Promise<TmxSourceIndex | TmxScanFallback>, file: string, ask: FillsRequest): Promise<FillsReading> {
  const ready = await index;
  return ready instanceof TmxScanFallback ? ready : fillsReading(file, ready, ask.pair, ask.paragraphs, ask.now);
}

/** The worker's side: builds the index at once, reads the fills when asked, sends them. */
export function serveTmxSourceIndex({ file, sourceLang, port }: TmxSourceIndexRequest): void {
  const index = build(file, sourceLang);
  port.once('message', (ask: FillsRequest) => {
    void read(index, file, ask).then((got) => {
      markCodeCacheReady(); // before the answer, after which the worker may be stopped at any moment
      port.postMessage(
        (got instanceof TmxScanFallback ? { ok: false, reason: got.reason } : { ok: true, fills: got }) satisfies FromWorker,
      );
      port.close();
    });
  });
}

function askedOnce(): () => void {
  let asked = false;
  return () => {
    if (asked) throw new Error('the fills of a TMX reading are asked once');
    asked = true;
  };
}

function inProcess(file: string, sourceLang: string): TmxReadAhead {
  const index = build(file, sourceLang);
  const ask = askedOnce();
  return {
    fills(paragraphs, pair, now) {
      ask();
      return read(index, file, { paragraphs, pair, now });
    },
    dispose() {},
  };
}

function inWorker(options: { workerFile: string; heapMb: number }, file: string, sourceLang: string): TmxReadAhead {
  const worker = startImportWorker(options.workerFile, options.heapMb);
  const { port1, port2 } = new MessageChannel();
  let settled = false;
  let resolveResult: (value: FillsReading) => void = () => undefined;
  const result = new Promise<FillsReading>((resolve) => (resolveResult = resolve));
  const settle = (value: FillsReading): void => {
    if (settled) return;
    settled = true;
    port1.close();
    void worker.terminate();
    resolveResult(value);
  };
  port1.on('message', (message: FromWorker) => settle(message.ok ? message.fills : new TmxScanFallback(message.reason)));
  worker.on('error', (err) => settle(new TmxScanFallback(`the import worker failed: ${err.message}`)));
  worker.on('exit', (code) => settle(new TmxScanFallback(`the import worker stopped (exit code ${code})`)));
  worker.postMessage({ kind: 'tmxSourceIndex', file, sourceLang, port: port2 } satisfies TmxSourceIndexRequest, [port2]);
  // Not asked yet: a command that ends before asking (a failed import) is not kept waiting.
  worker.unref();
  port1.unref();
  const ask = askedOnce();
  return {
    fills(paragraphs, pair, now) {
      ask();
      if (!settled) {
        worker.ref();
        port1.ref();
        port1.postMessage({ paragraphs, pair, now } satisfies FillsRequest);
      }
      return result;
    },
    dispose: () => settle(new TmxScanFallback('the reading was dropped')),
  };
}

/** Starts reading `file` ahead for documents in `sourceLang`, in the worker (`workerFile`) or in process (null). */
export function runTmxSourceIndex(options: { workerFile: string | null; heapMb: number }, file: string, sourceLang: string): TmxReadAhead {
  if (options.workerFile) return inWorker({ workerFile: options.workerFile, heapMb: options.heapMb }, file, sourceLang);
  return inProcess(file, sourceLang);
}
