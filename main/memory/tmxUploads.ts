/**
 * TMX files uploaded in browser mode (issue 17): the bridge streams the request body to
 * `<data dir>/tmp/tmx-uploads/<id>.tmx`; the import names it by its id and deletes it when it ends;
 * any left (a crash) are deleted when the library is opened.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** An upload's id: 24 characters of base64url (18 random bytes). */
export const TMX_UPLOAD_ID = /^[A-Za-z0-9_-]{24}$/;

export function tmxUploadsDir(dataDir: string): string {
  return path.join(dataDir, 'tmp', 'tmx-uploads');
}

export function newTmxUploadId(): string {
  return crypto.randomBytes(18).toString('base64url');
}

/** The upload's file, or null for an id that is not one. */
export function tmxUploadPath(dataDir: string, uploadId: string): string | null {
  return TMX_UPLOAD_ID.test(uploadId) ? path.join(tmxUploadsDir(dataDir), `${uploadId}.tmx`) : null;
}

/** Deletes every upload (at start, by the process holding the library's lock). */
export function clearTmxUploads(dataDir: string): void {
  fs.rmSync(tmxUploadsDir(dataDir), { recursive: true, force: true });
}
