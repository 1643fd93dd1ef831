/**
 * A streamed TMX import's reading side (issue 17): the file is read in chunks (a path: from disk
 * in the import worker; bytes: in pieces), fed to the TMX reader, and its units handed to a sink
 * in batches. The next chunk is read only when the sink has taken the batch (back-pressure), so
 * memory stays bounded whatever the file's size.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ServiceError } from '../core/serviceError.js';
import { TmxReader, type TmxReadSummary } from '../memory/tmxReader.js';
import type { NewTmUnit } from '../memory/tmStore.js';
import { sourceKey } from '../memory/termHash.js';
import { pairKey } from '../../shared/memory/pair.js';

/** Bytes read from the file at a time. */
export const TMX_CHUNK_BYTES = 256 * 1024;
/** Units handed to the sink at a time (at most: what one chunk gave beyond it too). */
export const TMX_BATCH_UNITS = 2_000;

export type TmxSource = { kind: 'path'; path: string } | { kind: 'bytes'; bytes: Uint8Array };

export interface TmxStreamJob {
  source: TmxSource;
  sourceLang: string;
  targetLang: string;
  now: string;
}

export interface TmxStreamProgress {
  /** Bytes of the file read so far, and its size. */
  bytesRead: number;
  bytesTotal: number;
  /** Units of the pair read so far. */
  units: number;
}

/** Takes each batch; the promise resolves when the next may come. */
export type TmxBatchSink = (units: NewTmUnit[], progress: TmxStreamProgress) => Promise<void>;

/** The file's size, or TMX_FILE_UNREADABLE. */
export function tmxSourceSize(source: TmxSource): number {
  if (source.kind === 'bytes') return source.bytes.byteLength;
  try {
    const stat = fs.statSync(source.path);
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    return stat.size;
  } catch (err) {
    throw unreadable(source.path, err);
  }
}

function unreadable(file: string, err: unknown): ServiceError {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const reason =
    code === 'ENOENT'
      ? 'not found'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : code === 'EISDIR'
          ? 'not a file'
          : 'unreadable';
  const fileName = path.basename(file);
  return new ServiceError('TMX_FILE_UNREADABLE', `The TMX file ${fileName} cannot be read (${reason}). Nothing was imported.`, {
    fileName,
    reason,
  });
}

async function* chunksOf(source: TmxSource): AsyncGenerator<Uint8Array> {
  if (source.kind === 'bytes') {
    for (let at = 0; at < source.bytes.byteLength; at += TMX_CHUNK_BYTES) yield source.bytes.subarray(at, at + TMX_CHUNK_BYTES);
    return;
  }
  const stream = fs.createReadStream(source.path, { highWaterMark: TMX_CHUNK_BYTES });
  try {
    for await (const chunk of stream) yield chunk as Buffer;
  } catch (err) {
    throw unreadable(source.path, err);
  } finally {
    stream.destroy();
  }
}

/** Reads the whole file, handing its units to `sink` in batches; throws TMX_* errors where the file is broken. */
export async function streamTmx(job: TmxStreamJob, sink: TmxBatchSink, signal?: AbortSignal): Promise<TmxReadSummary> {
  const bytesTotal = tmxSourceSize(job.source);
  let pending: NewTmUnit[] = [];
  const reader = new TmxReader(job, job.now, (u) => pending.push(u));
  let bytesRead = 0;
  let units = 0;
  const flush = async (): Promise<void> => {
    const batch = pending;
    pending = [];
    // The exact-match keys, computed here (the import worker) beside the main side's storing.
    for (const u of batch) u.sourceKey = sourceKey(pairKey(u.sourceLang, u.targetLang), u.source);
    units += batch.length;
    await sink(batch, { bytesRead, bytesTotal, units });
  };
  for await (const chunk of chunksOf(job.source)) {
    signal?.throwIfAborted();
    bytesRead += chunk.byteLength;
    reader.writeBytes(chunk);
    if (pending.length >= TMX_BATCH_UNITS) await flush();
  }
  const summary = reader.end();
  await flush();
  return summary;
}
