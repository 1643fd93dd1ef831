/**
 * A TMX file read ahead for "pre-fill from a TMX file" (issue 17), in the import worker (a worker
 * thread with a heap limit) or in process when no worker bundle is at hand (unit tests): the index
 * of its source segments (main/memory/tmxSourceIndex.ts) is built at once, before the document is
 * imported; once asked — as soon as the document's paragraphs are known, while they are stored —
 * the same worker reads the candidate units of their hashes (tmxCandidateUnits.ts), so only the
 * units come back. A file the index is not sure of, an unreadable or broken one, a worker that
 * failed or a reading dropped gives the fallback (the real reader then reads the whole file and
 * reports); it never rejects. Until asked, a reading does not keep the process alive.
 */
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { readCandidateUnits, type CandidateReading, type CandidateUnits } from '../memory/tmxCandidateUnits.js';
import { TmxScanFallback } from '../memory/tmxExactScan.js';
import { buildTmxSourceIndex, type TmxSourceIndex } from '../memory/tmxSourceIndex.js';

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

/** Then, once, on the port: whose candidates to read. */
interface CandidatesRequest {
  hashes: number[];
  pair: Pair;
  now: string;
}

type FromWorker = { ok: true; candidates: CandidateUnits } | { ok: false; reason: string };

/** A TMX file being read ahead. */
export interface TmxReadAhead {
  /** The candidate units of `hashes` (asked once). */
  candidates(hashes: ReadonlySet<number>, pair: Pair, now: string): Promise<CandidateReading>;
  /** Stops the reading (its worker ends); what was asked gives the fallback. */
  dispose(): void;
}

export function isTmxSourceIndexRequest(message: unknown): message is TmxSourceIndexRequest {
  return typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'tmxSourceIndex';
}

const reasonOf = (err: unknown): string => (err instanceof TmxScanFallback ? err.reason : `the candidates failed: ${String(err)}`);

/** The index, or the fallback: never rejects. */
async function build(file: string, sourceLang: string): Promise<TmxSourceIndex | TmxScanFallback> {
  try {
    return await buildTmxSourceIndex(file, sourceLang);
  } catch (err) {
    return err instanceof TmxScanFallback ? err : new TmxScanFallback(`the index failed: ${String(err)}`);
  }
}

/** The candidates once the index is there, or the fallback: never rejects. */
async function read(index: Promise<TmxSourceIndex | TmxScanFallback>, file: string, ask: CandidatesRequest): Promise<CandidateReading> {
  const ready = await index;
  if (ready instanceof TmxScanFallback) return ready;
  try {
    return readCandidateUnits(file, ready, ask.pair, new Set(ask.hashes), ask.now);
  } catch (err) {
    return new TmxScanFallback(reasonOf(err));
  }
}

/** The worker's side: builds the index at once, reads the candidates when asked, sends them. */
export function serveTmxSourceIndex({ file, sourceLang, port }: TmxSourceIndexRequest): void {
  const index = build(file, sourceLang);
  port.once('message', (ask: CandidatesRequest) => {
    void read(index, file, ask).then((got) => {
      port.postMessage(
        (got instanceof TmxScanFallback ? { ok: false, reason: got.reason } : { ok: true, candidates: got }) satisfies FromWorker,
      );
      port.close();
    });
  });
}

function askedOnce(): () => void {
  let asked = false;
  return () => {
    if (asked) throw new Error('the candidates of a TMX reading are asked once');
    asked = true;
  };
}

function inProcess(file: string, sourceLang: string): TmxReadAhead {
  const index = build(file, sourceLang);
  const ask = askedOnce();
  return {
    candidates(hashes, pair, now) {
      ask();
      return read(index, file, { hashes: [...hashes], pair, now });
    },
    dispose() {},
  };
}

function inWorker(options: { workerFile: string; heapMb: number }, file: string, sourceLang: string): TmxReadAhead {
  const worker = new Worker(options.workerFile, { resourceLimits: { maxOldGenerationSizeMb: options.heapMb } });
  const { port1, port2 } = new MessageChannel();
  let settled = false;
  let resolveResult: (value: CandidateReading) => void = () => undefined;
  const result = new Promise<CandidateReading>((resolve) => (resolveResult = resolve));
  const settle = (value: CandidateReading): void => {
    if (settled) return;
    settled = true;
    port1.close();
    void worker.terminate();
    resolveResult(value);
  };
  port1.on('message', (message: FromWorker) => settle(message.ok ? message.candidates : new TmxScanFallback(message.reason)));
  worker.on('error', (err) => settle(new TmxScanFallback(`the import worker failed: ${err.message}`)));
  worker.on('exit', (code) => settle(new TmxScanFallback(`the import worker stopped (exit code ${code})`)));
  worker.postMessage({ kind: 'tmxSourceIndex', file, sourceLang, port: port2 } satisfies TmxSourceIndexRequest, [port2]);
  // Not asked yet: a command that ends before asking (a failed import) is not kept waiting.
  worker.unref();
  port1.unref();
  const ask = askedOnce();
  return {
    candidates(hashes, pair, now) {
      ask();
      if (!settled) {
        worker.ref();
        port1.ref();
        port1.postMessage({ hashes: [...hashes], pair, now } satisfies CandidatesRequest);
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
