/** Serves the built renderer from one folder, refusing anything outside it. */
import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { RENDERER_MIME_TYPES } from './rendererMimeTypes.js';

/** Resolves a URL path inside `root`; null when it escapes the folder or is not a file. */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(root, relative);
  const rootWithSep = path.resolve(root) + path.sep;
  if (!full.startsWith(rootWithSep)) return null;
  try {
    return fs.statSync(full).isFile() ? full : null;
  } catch {
    return null;
  }
}

export function sendStaticFile(res: ServerResponse, file: string, headers: Record<string, string>): void {
  const type = RENDERER_MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, { ...headers, 'Content-Type': type, 'Cache-Control': 'no-cache' });
  fs.createReadStream(file).pipe(res);
}
