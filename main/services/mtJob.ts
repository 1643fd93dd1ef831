/**
 * The run of one MT job: cached results first, then the engine for the rest; results go to a
 * batched writer (mtResultWriter.ts). A cancel, or a write that failed, stops the engine at once and
 * the job does not wait for it; what had arrived is written before the job ends, so its final
 * event counts it and nothing changes afterwards.
 */
import { hasTokens, repairTokens } from '../../shared/inline/inlineCodes.js';
import { LIMITS } from '../../shared/limits.js';
import type { ApiError, LanguagePair, Paragraph } from '../../shared/types.js';
import { capabilitiesOf } from '../engines/capabilities.js';
import { tokensToXml, xmlToTokens } from '../engines/inlineMarkup.js';
import type { GlossaryTerm, MtEngine, MtOutput, ParagraphContext } from '../engines/mtEngine.js';
import type { CacheKey, MtStore } from '../engines/mtStore.js';
import { createBatchedWriter } from '../jobs/batchedWriter.js';
import type { JobContext } from '../jobs/jobRunner.js';
import type { MtBatchWriter, MtResult } from './mtResultWriter.js';
import { ServiceError, isServiceError, type ErrorDetails } from '../core/serviceError.js';

export interface MtJobPlan {
  todo: readonly Paragraph[];
  engine: MtEngine;
  enginePair: LanguagePair;
  glossary: readonly GlossaryTerm[];
  bypassCache: boolean;
  keyOf(p: Paragraph): CacheKey;
  contextOf(p: Paragraph): ParagraphContext;
  store: MtStore;
  writeBatch: MtBatchWriter;
  batching: { maxItems: number; maxDelayMs: number };
  now(): Date;
}

/**
 * Follows `work` until `signal` aborts, then rejects at once with its reason: a cancel does not wait
 * for an engine that is slow to stop (what it still delivers is ignored).
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  work.catch(() => undefined); // a rejection after the abort is nobody's business
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}

/** Where results go: batched writes, what is finished, and the signal that stops the engine. */
function resultSink(plan: MtJobPlan, { signal, progress }: JobContext) {
  const finished = new Set<string>();
  const stop = new AbortController();
  const onCancel = (): void => stop.abort(signal.reason);
  signal.addEventListener('abort', onCancel, { once: true });
  const sink = {
    finished,
    stop,
    done: 0,
    writeError: null as unknown,
    failWrite(err: unknown): void {
      sink.writeError ??= err;
      stop.abort(err);
    },
    /** Queues a result; throws (and stops the engine) when a batch it completed could not be written. */
    add(p: Paragraph, output: MtOutput, producedAt: string, fromCache: boolean): void {
      try {
        writer.add({ paragraphId: p.id, output, producedAt, fromCache, key: plan.keyOf(p) });
      } catch (err) {
        sink.failWrite(err);
        throw err; // from an engine's onResult: the engine stops
      }
    },
    /** Writes what is waiting; throws if that failed. */
    flush(): void {
      writer.flush();
    },
    /** Writes what is waiting (at the end, a cancel or a failure); a failure is kept, not thrown. */
    close(): void {
      signal.removeEventListener('abort', onCancel);
      try {
        writer.flush();
      } catch (err) {
        sink.writeError ??= err;
      }
    },
  };
  const writer = createBatchedWriter<MtResult>({
    ...plan.batching,
    write(results) {
      const outcome = plan.writeBatch(results);
      for (const id of outcome.settled) finished.add(id);
      sink.done += outcome.settled.length;
      progress(sink.done);
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows what the batch write threw, as it was.
      if (outcome.error !== null) throw outcome.error;
    },
    onTimerError: (err) => sink.failWrite(err),
  });
  return sink;
}

type Sink = ReturnType<typeof resultSink>;

/** MT longer than a paragraph may be (the limit edits have) is refused for that paragraph, never stored. */
function tooLong(engine: MtEngine, p: Paragraph, text: string): ServiceError | null {
  if (text.length <= LIMITS.paragraphChars) return null;
  return new ServiceError(
    'MT_PARAGRAPH_TOO_LONG',
    `${engine.name} sent ${text.length} characters for paragraph ${p.index + 1}; a paragraph holds at most ${LIMITS.paragraphChars}. Nothing was saved for it.`,
    { engine: engine.name, number: p.index + 1, chars: text.length, limit: LIMITS.paragraphChars },
  );
}

/** Cached results (no engine needed: works offline); returns the paragraphs the engine must do. */
async function writeCached(plan: MtJobPlan, sink: Sink, signal: AbortSignal): Promise<Paragraph[]> {
  const misses: Paragraph[] = [];
  for (const [i, p] of plan.todo.entries()) {
    if (i % 100 === 99) await new Promise((r) => setImmediate(r)); // other requests in between
    signal.throwIfAborted();
    const cached = plan.bypassCache ? null : plan.store.get(plan.keyOf(p), plan.now().toISOString());
    if (cached && tooLong(plan.engine, p, cached.text) === null) sink.add(p, cached, cached.createdAt, true);
    else misses.push(p);
  }
  sink.flush();
  return misses;
}

/** The engine on the misses; resolves with the batch's own failure (null if none), rejects on a cancel or a write failure. */
async function translateMisses(
  plan: MtJobPlan,
  sink: Sink,
  misses: readonly Paragraph[],
  failures: Map<string, ServiceError>,
): Promise<ServiceError | null> {
  const { engine } = plan;
  const can = capabilitiesOf(engine);
  // Inline tokens: as XML tags to engines that take them, else as the placeholders (Apertium's superblanks).
  const xml = can.markup === 'xml' && misses.some((p) => hasTokens(p.source));
  const translating = engine.translateBatch(
    misses.map((p) => (xml ? tokensToXml(p.source) : p.source)),
    plan.enginePair,
    {
      signal: sink.stop.signal,
      ...(xml ? { markup: 'xml' as const } : {}),
      ...(can.context ? { context: misses.map((p) => plan.contextOf(p)) } : {}),
      ...(plan.glossary.length > 0 ? { glossary: plan.glossary } : {}),
      onResult(index, raw) {
        const p = misses[index];
        if (sink.stop.signal.aborted || !p || sink.finished.has(p.id)) return;
        // Every token exactly once; lost ones go to the end (QA then flags them). Over-long MT is refused.
        const rawTooLong = tooLong(engine, p, raw.text);
        const text = rawTooLong ? '' : repairTokens(xml ? xmlToTokens(raw.text) : raw.text, p.codes ?? []).text;
        const refused = rawTooLong ?? tooLong(engine, p, text);
        if (refused) {
          failures.set(p.id, refused);
          return;
        }
        sink.add(p, { ...raw, text }, plan.now().toISOString(), false);
      },
      onItemError(index, error) {
        const p = misses[index];
        if (!p) return;
        failures.set(
          p.id,
          isServiceError(error)
            ? error
            : new ServiceError('ENGINE_FAILED', `${engine.name} failed: ${error.message}`, { engineId: engine.id }),
        );
      },
    },
  );
  try {
    await untilAborted(translating, sink.stop.signal);
    return null;
  } catch (err) {
    if (sink.stop.signal.aborted) throw err;
    return isServiceError(err)
      ? err
      : new ServiceError('ENGINE_FAILED', `${engine.name} failed: ${err instanceof Error ? err.message : String(err)}`, {
          engineId: engine.id,
        });
  }
}

/** The job's failure when some paragraphs got no translation (MT_INCOMPLETE, or the cause when none did). */
function incompleteError(plan: MtJobPlan, done: number, left: readonly Paragraph[], reason: ServiceError | null): ServiceError {
  const { engine, todo } = plan;
  if (done === 0 && reason) return reason;
  const cause: ApiError = reason
    ? reason.toApiError()
    : { code: 'ENGINE_BAD_REPLY', message: `${engine.name} returned no translation for some paragraphs.` };
  const details: ErrorDetails = {
    translated: done,
    untranslated: left.length,
    count: left.length,
    total: todo.length,
    paragraphs: left.map((p) => p.index + 1).slice(0, 200),
    engine: engine.name,
    reason: cause.code,
    ...Object.fromEntries(
      Object.entries(cause.details ?? {}).filter(
        ([k]) => !['translated', 'untranslated', 'total', 'paragraphs', 'reason', 'count'].includes(k),
      ),
    ),
  };
  return new ServiceError(
    'MT_INCOMPLETE',
    `${done} of ${todo.length} paragraphs were translated and saved; ${left.length} were not: ${cause.message}`,
    details,
  );
}

export async function runMtJob(plan: MtJobPlan, job: JobContext): Promise<void> {
  const sink = resultSink(plan, job);
  const failures = new Map<string, ServiceError>();
  let batchError: ServiceError | null = null;
  try {
    const misses = await writeCached(plan, sink, job.signal);
    if (misses.length > 0) batchError = await translateMisses(plan, sink, misses, failures);
  } catch (err) {
    if (!job.signal.aborted && sink.writeError === null) throw err;
  } finally {
    // What arrived before a cancel or a failure is written now (and counted in the final event).
    sink.close();
  }
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows what the batch write threw, as it was.
  if (sink.writeError !== null && !job.signal.aborted) throw sink.writeError;
  job.signal.throwIfAborted();
  const left = plan.todo.filter((p) => !sink.finished.has(p.id));
  if (left.length > 0) throw incompleteError(plan, sink.done, left, batchError ?? failures.values().next().value ?? null);
}
