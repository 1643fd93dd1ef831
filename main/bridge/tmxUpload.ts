/**
 * `POST /api/upload/tmx` (issue 17): a TMX file of any size from browser mode, as raw bytes
 * (never base64 in JSON), streamed to `<data dir>/tmp/tmx-uploads/<id>.tmx` (main/memory/tmxUploads.ts)
 * with a size limit; the answer is the upload's id, which `startTmxImport` takes. The server has
 * checked the host, origin and token before; a declared size over the limit is refused before a
 * byte is read, a body that grows over it is cut off and its file deleted.
 */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { newTmxUploadId, tmxUploadPath } from '../memory/tmxUploads.js';
import { appLog, logFailure } from '../core/log/logger.js';
import { refuse, refuseTooLarge, sendJson } from './replies.js';

export interface UploadOptions {
  /** The data directory (uploads go to its tmp/tmx-uploads folder). */
  dataDir: string;
  /** Largest file accepted, in bytes. */
  maxBytes: number;
}

/** 2 GiB: far above the 300 MB of a 1,000,000-unit TMX. */
export const TMX_UPLOAD_MAX_BYTES = 2 * 1024 * 1024 * 1024;

class TooLarge extends Error {}

export async function receiveTmxUpload(req: http.IncomingMessage, res: http.ServerResponse, options: UploadOptions): Promise<void> {
  if ((req.headers['content-type'] ?? '') !== 'application/octet-stream')
    return refuse(res, 415, 'Send the file as application/octet-stream');
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > options.maxBytes) return refuseTooLarge(req, res, options.maxBytes);
  const uploadId = newTmxUploadId();
  const file = tmxUploadPath(options.dataDir, uploadId)!;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > options.maxBytes ? new TooLarge() : null, chunk);
    },
  });
  try {
    await pipeline(req, limit, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (err) {
    fs.rmSync(file, { force: true });
    if (err instanceof TooLarge) return refuseTooLarge(req, res, options.maxBytes);
    // The browser went away (or the disk is full): nothing is kept.
    logFailure(appLog(), 'a TMX upload failed', err);
    if (!res.headersSent && !req.destroyed) refuse(res, 500, 'The upload failed');
    return;
  }
  sendJson(res, 200, { ok: true, value: { uploadId, bytes } });
}
