/**
 * Browser mode never reads a file by a path the request names: a page cannot know one (browsers
 * do not expose paths), so a `path` source over HTTP is a crafted request that would make the
 * backend read any file this user can. Files come as streamed uploads (tmxUpload.ts) instead; the
 * desktop app and the CLI, which hold real paths, reach the backend by other transports.
 */
import type { ApiError } from '../../shared/types.js';

/** Methods whose input may name a file on this computer as `source: { kind: 'path' }`. */
const PATH_SOURCE_METHODS: ReadonlySet<string> = new Set(['startTmxImport']);

/** The refusal for a request that names a file by path, or null when it names none. */
export function pathSourceRefusal(method: string, input: unknown): ApiError | null {
  if (!PATH_SOURCE_METHODS.has(method) || typeof input !== 'object' || input === null) return null;
  const source = (input as { source?: unknown }).source;
  if (typeof source !== 'object' || source === null || (source as { kind?: unknown }).kind !== 'path') return null;
  return {
    code: 'BAD_REQUEST',
    message: 'In browser mode a file is sent as an upload, never named by its path on this computer.',
  };
}
