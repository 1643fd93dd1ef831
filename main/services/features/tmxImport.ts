/**
 * A TMX import of any size as a background job (issue 17): the file (a path on this machine, a
 * browser upload, or bytes from the small-file `importTmx`) is read in the import worker in
 * chunks; its units are staged batch by batch and published when the whole file has been read
 * (main/memory/tmxStaging.ts, tmxPublish.ts), so a broken file, a Cancel or a crash stores nothing. Progress goes out as `jobProgress` events with `tmxImport`; the final event (and
 * `getTmxImport`) carry the summary. One TMX import runs at a time.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { JobProgress, TmxImportResult, TmxImportStatus } from '../../../shared/types.js';
import { isServiceError, ServiceError } from '../../core/serviceError.js';
import { appLog, logFailure, logIfSlow } from '../../core/log/logger.js';
import type { JobContext } from '../../jobs/jobRunner.js';
import { runTmxStream, type TmxStreamRunnerOptions } from '../../import/tmxStreamRunner.js';
import { tmxSourceSize, type TmxSource } from '../../import/tmxStream.js';
import type { TmStore } from '../../memory/tmStore.js';
import type { TmxStaging } from '../../memory/tmxStaging.js';
import { createTmxPublisher } from '../../memory/tmxPublish.js';
import { tmxUploadPath } from '../../memory/tmxUploads.js';
import { requireProfile, type ServiceDeps } from '../context.js';
import { tmPair } from './tmPair.js';
import { intendTmxCapture, shareTmxCapturesLogged } from '../../team/local/captureTm.js';

export type TmxImportSource =
  | { kind: 'path'; path: string }
  | { kind: 'upload'; uploadId: string; fileName?: string | undefined }
  | { kind: 'bytes'; bytes: Uint8Array; fileName: string };

export interface TmxImportRequest {
  source: TmxImportSource;
  sourceLang: string;
  targetLang: string;
  mode: 'merge' | 'replace';
}

export interface Resolved {
  source: TmxSource;
  fileName: string;
  /** Deletes an uploaded file once the import is over. */
  cleanup: () => void;
}

export function resolveSource(deps: ServiceDeps, source: TmxImportSource): Resolved {
  const keep = (): void => {};
  if (source.kind === 'bytes') return { source, fileName: source.fileName, cleanup: keep };
  if (source.kind === 'path') {
    if (!path.isAbsolute(source.path)) {
      throw new ServiceError('TMX_FILE_UNREADABLE', 'The TMX file must be given by its full path. Nothing was imported.', {
        fileName: path.basename(source.path),
        reason: 'relative path',
      });
    }
    return { source, fileName: path.basename(source.path), cleanup: keep };
  }
  const file = tmxUploadPath(deps.appInfo.dataDir, source.uploadId);
  if (file === null || !fs.existsSync(file)) {
    throw new ServiceError(
      'TMX_UPLOAD_NOT_FOUND',
      'The uploaded TMX file is gone (Verso was restarted, or it was imported already). Choose it again.',
      {
        uploadId: source.uploadId.slice(0, 64),
      },
    );
  }
  return {
    source: { kind: 'path', path: file },
    fileName: source.fileName ?? 'upload.tmx',
    cleanup: () => fs.rmSync(file, { force: true }),
  };
}

/** The file's name in a reader's error, so the message says which file broke where. */
function naming(err: unknown, fileName: string): unknown {
  if (!isServiceError(err) || !['TMX_INVALID', 'TMX_DOCTYPE', 'TMX_FILE_UNREADABLE'].includes(err.code)) return err;
  const message =
    err.code === 'TMX_FILE_UNREADABLE'
      ? err.message
      : `${err.message.replace(/^The TMX file /, `${fileName} `).replace(/\.?$/, '.')} Nothing was imported.`;
  return ServiceError.withDetails(err.code, message, { ...err.details, fileName });
}

export function createTmxImports(deps: ServiceDeps, store: TmStore, staging: TmxStaging, reader: TmxStreamRunnerOptions) {
  const publisher = createTmxPublisher(deps.db);
  let running: string | null = null;

  async function run(ctx: JobContext, request: TmxImportRequest, resolved: Resolved, status: TmxImportStatus): Promise<TmxImportResult> {
    const { sourceLang, targetLang } = status;
    const importId = staging.begin();
    const usualCache = staging.widenCache();
    let staged = 0;
    let published = false;
    try {
      const job = { source: resolved.source, sourceLang, targetLang, now: deps.now().toISOString() };
      const summary = await runTmxStream(
        reader,
        job,
        async (units, progress) => {
          ctx.signal.throwIfAborted();
          staged += staging.add(importId, units);
          ctx.tmxImport?.({ ...status, bytesRead: progress.bytesRead, units: progress.units });
          // Other requests (a translator's edits) run between two batches.
          await new Promise((resolve) => setImmediate(resolve));
        },
        ctx.signal,
      );
      ctx.signal.throwIfAborted();
      if (summary.units === 0) {
        throw new ServiceError(
          'TMX_NO_UNITS',
          `${status.fileName} has no translation units from ${sourceLang} to ${targetLang}. Nothing was changed.`,
          {
            fileName: status.fileName,
            sourceLang,
            targetLang,
            languages: summary.languages.join(', '),
          },
        );
      }
      ctx.tmxImport?.({ ...status, phase: 'publishing', bytesRead: status.bytesTotal, units: summary.units });
      const publishing = performance.now();
      const result = await publisher.publish(importId, staged, {
        sourceLang,
        targetLang,
        mode: request.mode,
        signal: ctx.signal,
        committed: () => {
          published = true;
          ctx.uncancellable?.();
        },
        // Issue 16: in a team, what it added is to be shared, recorded with its publishing (crash-safe).
        published: (firstUnitId) =>
          intendTmxCapture(
            deps.db,
            importId,
            { sourceLang, targetLang, replace: request.mode === 'replace', at: deps.now().toISOString() },
            firstUnitId,
          ),
      });
      // Its time and its longest transaction (what other requests waited at most) go to the log (issue 17 figures).
      logIfSlow(
        appLog(),
        'sql',
        `tmx publish of ${result.added} units (longest transaction ${Math.round(result.longestMs)} ms)`,
        performance.now() - publishing,
        1000,
      );
      const summed: TmxImportResult = {
        imported: result.added,
        skipped: summary.skipped + (summary.units - staged) + result.present,
        removed: result.removed,
        notKept: summary.notKept,
      };
      // Issue 16: in a team, the units it added go to the outbox as batches (docs/team.md#tm-units).
      await shareTmxCapturesLogged(deps.db);
      ctx.tmxImport?.({ ...status, phase: 'finished', bytesRead: status.bytesTotal, units: summary.units, result: summed });
      // Indexed in small batches off the request: lookups go on meanwhile (new units appear as they are indexed).
      void store.drainIndex();
      return summed;
    } catch (err) {
      throw naming(err, status.fileName);
    } finally {
      resolved.cleanup();
      usualCache();
      // Before the final event of a cancelled or failed import (once it says so, no staged row is left); after
      // publishing, in the background (the units are in: a Cancel arriving meanwhile must not be reported).
      const discarded = staging
        .discard(importId)
        .catch((err: unknown) => logFailure(appLog(), 'deleting a TMX import’s staged units failed', err));
      if (!published) await discarded;
      running = null;
    }
  }

  /** Starts an import; returns its job id at once. */
  function start(request: TmxImportRequest): { jobId: string; fileName: string; bytesTotal: number } {
    const { sourceLang, targetLang } = tmPair(request);
    requireProfile(deps);
    if (running !== null) {
      throw new ServiceError('TMX_IMPORT_RUNNING', 'A TMX import is already running; wait for it or cancel it.', { jobId: running });
    }
    const resolved = resolveSource(deps, request.source);
    let bytesTotal: number;
    try {
      bytesTotal = tmxSourceSize(resolved.source);
    } catch (err) {
      resolved.cleanup();
      throw naming(err, resolved.fileName);
    }
    const status: TmxImportStatus = {
      fileName: resolved.fileName,
      sourceLang,
      targetLang,
      phase: 'reading',
      bytesRead: 0,
      bytesTotal,
      units: 0,
      result: null,
    };
    const jobId = deps.jobs.start({
      name: 'tmx-import',
      documentId: null,
      total: bytesTotal,
      tmxImport: status,
      run: (ctx) => run(ctx, request, resolved, status).then(() => {}),
    });
    running = jobId;
    return { jobId, fileName: resolved.fileName, bytesTotal };
  }

  /** A TMX import's latest progress (its summary once done, its error if it failed). */
  function progressOf(jobId: string): JobProgress & { tmxImport: TmxImportStatus } {
    const progress = deps.jobs.progressOf(jobId);
    if (!progress?.tmxImport)
      throw new ServiceError('JOB_NOT_FOUND', 'There is no such TMX import (it may have finished long ago).', { jobId });
    return { ...progress, tmxImport: progress.tmxImport };
  }

  /** Runs an import to its end (the small-file `importTmx`): its summary, or its error. */
  async function complete(request: TmxImportRequest): Promise<TmxImportResult> {
    const { jobId } = start(request);
    const final = await deps.jobs.finished(jobId);
    if (final.state === 'done' && final.tmxImport?.result) return final.tmxImport.result;
    if (final.error) throw ServiceError.withDetails(final.error.code, final.error.message, final.error.details);
    throw new ServiceError('INTERNAL', 'The TMX import was cancelled; nothing was imported.');
  }

  return { start, progressOf, complete };
}
