/**
 * The desktop window's page comes from `app://verso/…`, not `file://`: under `file://` the CSP's
 * `'self'` matches every local file, and the page could read any of them. `app` is registered as a
 * standard, secure scheme (its own origin `app://verso`, so `'self'` means exactly that), and
 * `protocol.handle` serves only files inside the renderer build folder (`resolveAppRequest`).
 * No electron import here: main.ts registers the scheme and the handler (createAppProtocolHandler).
 */
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { SECURITY_HEADERS } from '../bridge/securityHeaders.js';
import { RENDERER_MIME_TYPES } from '../bridge/rendererMimeTypes.js';

export const APP_SCHEME = 'app';
export const APP_HOST = 'verso';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** For `protocol.registerSchemesAsPrivileged` (Electron's CustomScheme). No `corsEnabled`: other origins cannot read it; no `bypassCSP`. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** The renderer's file types, without source maps (the package does not ship them). */
const APP_MIME_TYPES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(RENDERER_MIME_TYPES).filter(([ext]) => ext !== '.map'),
);

export type AppRequestResolution = { ok: true; filePath: string; mimeType: string } | { ok: false; status: 400 | 403 | 404 };

/** Whether `candidate` (absolute) lies inside `root` (absolute), the root itself excluded. */
export function isInsideDir(root: string, candidate: string, pathApi: path.PlatformPath = path): boolean {
  const rel = pathApi.relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !pathApi.isAbsolute(rel);
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** A decoded path segment that is a plain file or folder name (no traversal, separator, drive or control character). */
function isPlainSegment(segment: string): boolean {
  return segment !== '' && segment !== '.' && segment !== '..' && !/[/\\:\u0000-\u001f\u007f]/.test(segment);
}

/**
 * Maps `app://verso/<path>` to a file inside `rootDir`, judged on the raw URL (whatever a URL
 * parser may have normalised): `..` or `%2e%2e` segments, encoded or raw slashes and backslashes,
 * drive letters, NUL and other control characters, empty segments (`//etc/passwd`), another host,
 * credentials or a port are refused; `/` is the index page; an unknown file type is not served.
 */
export function resolveAppRequest(rawUrl: string, rootDir: string, pathApi: path.PlatformPath = path): AppRequestResolution {
  const prefix = `${APP_ORIGIN}/`;
  if (rawUrl.slice(0, prefix.length).toLowerCase() !== prefix) return { ok: false, status: 403 };
  const rawPath = rawUrl.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  if (/[\\\u0000-\u001f\u007f]/.test(rawPath)) return { ok: false, status: 400 };
  const segments = rawPath === '' ? ['index.html'] : rawPath.split('/').map(decodeSegment);
  if (segments.some((s) => s === null || !isPlainSegment(s))) return { ok: false, status: 400 };
  const root = pathApi.resolve(rootDir);
  const filePath = pathApi.resolve(root, ...(segments as string[]));
  if (!isInsideDir(root, filePath, pathApi)) return { ok: false, status: 403 };
  const mimeType = APP_MIME_TYPES[pathApi.extname(filePath).toLowerCase()];
  if (mimeType === undefined) return { ok: false, status: 404 };
  return { ok: true, filePath, mimeType };
}

/** The part of a protocol request the handler reads (Electron adds `initiatorOrigin` to the fetch Request). */
export interface AppProtocolRequest {
  url: string;
  method: string;
  initiatorOrigin?: string;
}

export interface AppProtocolFs {
  realpath(p: string): Promise<string>;
  readFile(p: string): Promise<Buffer>;
}

// Callback APIs through promisify: Electron's asar support patches these for app.asar paths.
const nodeFs: AppProtocolFs = {
  realpath: promisify(fs.realpath),
  readFile: promisify(fs.readFile),
};

/**
 * The `protocol.handle('app', …)` handler: GET/HEAD only, from our own page (or the browser's own
 * navigation) only, a file whose real path (symlinks followed) is still inside the build folder,
 * sent with its MIME type, the CSP and the other security headers.
 */
export function createAppProtocolHandler(
  rootDir: string,
  files: AppProtocolFs = nodeFs,
): (request: AppProtocolRequest) => Promise<Response> {
  let realRoot: Promise<string> | null = null;
  const refuse = (status: number) => new Response(null, { status, headers: SECURITY_HEADERS });
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    if (request.initiatorOrigin !== undefined && request.initiatorOrigin !== APP_ORIGIN) return refuse(403);
    const resolved = resolveAppRequest(request.url, rootDir);
    if (!resolved.ok) return refuse(resolved.status);
    try {
      realRoot ??= files.realpath(path.resolve(rootDir));
      const real = await files.realpath(resolved.filePath);
      if (!isInsideDir(await realRoot, real)) return refuse(403);
      const body = request.method === 'HEAD' ? null : await files.readFile(real);
      return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': resolved.mimeType } });
    } catch {
      realRoot = null;
      return refuse(404);
    }
  };
}
