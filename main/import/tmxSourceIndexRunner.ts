/**
 * A TMX file read ahead for "pre-fill from a TMX file" (issue 17), in the import worker (a worker
 * thread with a heap limit) or in process when no worker bundle is at hand (unit tests): the index
 * of its source segments (main/memory/tmxSourceIndex.ts) is built at once, before the document is
 * imported; once asked — as soon as the document's paragraphs are known, while they are stored —
 * the same worker reads their fills from it (tmxIndexFills.ts), so only the matches come back.
 * A file the index is not sure of, an unreadable or broken one, a worker that failed or a reading
 * dropped gives the fallback (the real reader then reads the whole file and reports); it never
 * rejects. Until asked, a reading does not keep the process alive. A big file's second half is
 * scanned by a second worker (tmxIndexSplit.ts), which sends its units straight to the first.
 */
import fs from 'node:fs';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { FillableParagraph } from '../memory/exactFills.js';
import { fillsReading, type FillsReading } from '../memory/tmxIndexFills.js';
import { TmxScanFallback } from '../memory/tmxExactScan.js';
import { halvesWorthIt, SPLIT_MIN_BYTES, type TmxIndexTail } from '../memory/tmxIndexSplit.js';
import { buildTmxSourceIndex, buildTmxSourceIndexTail, type TmxSourceIndex, type TmxSourceIndexOptions } from '../memory/tmxSourceIndex.js';
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
  /** Where the tail's units come from, when a second worker scans the file's second half. */
  tail?: { port: MessagePort; splitMinBytes: number };
}

/** The message that starts the scan of a file's second half in a second worker (its units go to `port`). */
export interface TmxSourceIndexTailRequest {
  kind: 'tmxSourceIndexTail';
  file: string;
  sourceLang: string;
  port: MessagePort;
  splitMinBytes: number;
}

type TailMessage = { ok: true; tail: TmxIndexTail } | { ok: false; reason: string };

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

const kindOf = (message: unknown): unknown =>
  typeof message === 'object' && message !== null ? (message as { kind?: unknown }).kind : undefined;

export const isTmxSourceIndexRequest = (message: unknown): message is TmxSourceIndexRequest => kindOf(message) === 'tmxSourceIndex';

export const isTmxSourceIndexTailRequest = (message: unknown): message is TmxSourceIndexTailRequest =>
  kindOf(message) === 'tmxSourceIndexTail';

/** The index, or the fallback: never rejects. */
async function build(file: string, sourceLang: string, split?: TmxSourceIndexOptions): Promise<TmxSourceIndex | TmxScanFallback> {
  try {
    return await buildTmxSourceIndex(file, sourceLang, split);
  } catch (err) {
    return err instanceof TmxScanFallback ? err : new TmxScanFallback(`the index failed: ${String(err)}`);
  }
}

/** The tail's units as they come on `port`; null when it failed or its worker ended first. */
function tailFrom(port: MessagePort): Promise<TmxIndexTail | null> {
  return new Promise((resolve) => {
    port.once('message', (message: TailMessage) => {
      resolve(message.ok ? message.tail : null);
      port.close();
    });
    port.once('close', () => resolve(null));
  });
}

/** The second worker's side: scans the file's second half, sends its units (their buffers moved) or why not. */
export function serveTmxSourceIndexTail({ file, sourceLang, port, splitMinBytes }: TmxSourceIndexTailRequest): void {
  buildTmxSourceIndexTail(file, sourceLang, { splitMinBytes }).then(
    (tail) => {
      const moved = [tail.unitStart, tail.unitLength, tail.hashes, tail.hashUnits, tail.unsure].map((a) => a.buffer as ArrayBuffer);
      port.postMessage({ ok: true, tail } satisfies TailMessage, moved);
      port.close();
    },
    (err: unknown) => {
      port.postMessage({ ok: false, reason: String(err) } satisfies TailMessage);
      port.close();
    },
  );
}

/** The fills once the index is there, or the fallback: never rejects. */
async function read(index: Promise<TmxSourceIndex | TmxScanFallback>, file: string, ask: FillsRequest): Promise<FillsReading> {
  const ready = await index;
  return ready instanceof TmxScanFallback ? ready : fillsReading(file, ready, ask.pair, ask.paragraphs, ask.now);
}

/** The worker's side: builds the index at once, reads the fills when asked, sends them. */
export function serveTmxSourceIndex({ file, sourceLang, port, tail }: TmxSourceIndexRequest): void {
  const index = build(file, sourceLang, tail && { tail: tailFrom(tail.port), splitMinBytes: tail.splitMinBytes });
  port.once('message', (ask: FillsRequest) => {
    void read(index, file, ask).then((got) => {
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

interface WorkerOptions {
  workerFile: string;
  heapMb: number;
  /** The smallest file whose second half a second worker scans (tests make it tiny). */
  splitMinBytes?: number;
}

const sizeOf = (file: string): number => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0; // the reading says what is wrong with it
  }
};

/** For a big file, a second worker scanning its second half: the port its units come on, and how to stop it. */
function startTail(options: WorkerOptions, file: string, sourceLang: string): { split?: TmxSourceIndexRequest['tail']; stop: () => void } {
  const splitMinBytes = options.splitMinBytes ?? SPLIT_MIN_BYTES;
  if (!halvesWorthIt(sizeOf(file), splitMinBytes)) return { stop: () => undefined };
  const worker = startImportWorker(options.workerFile, options.heapMb);
  const { port1, port2 } = new MessageChannel();
  // It fails alone: its port closes, and the first worker scans the whole file.
  worker.on('error', () => undefined);
  worker.postMessage({ kind: 'tmxSourceIndexTail', file, sourceLang, port: port2, splitMinBytes } satisfies TmxSourceIndexTailRequest, [
    port2,
  ]);
  worker.unref();
  return { split: { port: port1, splitMinBytes }, stop: () => void worker.terminate() };
}

function inWorker(options: WorkerOptions, file: string, sourceLang: string): TmxReadAhead {
  const worker = startImportWorker(options.workerFile, options.heapMb);
  const tail = startTail(options, file, sourceLang);
  const { port1, port2 } = new MessageChannel();
  let settled = false;
  let resolveResult: (value: FillsReading) => void = () => undefined;
  const result = new Promise<FillsReading>((resolve) => (resolveResult = resolve));
  const settle = (value: FillsReading): void => {
    if (settled) return;
    settled = true;
    port1.close();
    void worker.terminate();
    tail.stop();
    resolveResult(value);
  };
  port1.on('message', (message: FromWorker) => settle(message.ok ? message.fills : new TmxScanFallback(message.reason)));
  worker.on('error', (err) => settle(new TmxScanFallback(`the import worker failed: ${err.message}`)));
  worker.on('exit', (code) => settle(new TmxScanFallback(`the import worker stopped (exit code ${code})`)));
  const request: TmxSourceIndexRequest = {
    kind: 'tmxSourceIndex',
    file,
    sourceLang,
    port: port2,
    ...(tail.split ? { tail: tail.split } : {}),
  };
  worker.postMessage(request, tail.split ? [port2, tail.split.port] : [port2]);
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
export function runTmxSourceIndex(
  options: { workerFile: string | null; heapMb: number; splitMinBytes?: number },
  file: string,
  sourceLang: string,
): TmxReadAhead {
  if (options.workerFile) return inWorker({ ...options, workerFile: options.workerFile }, file, sourceLang);
  return inProcess(file, sourceLang);
}
