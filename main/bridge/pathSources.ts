/**
 * Browser mode never reads a file by a path the request names: a page cannot know one (browsers
 * do not expose paths), so a `path` source over HTTP is a crafted request that would make the
 * backend read any file this user can. Files come as streamed uploads (tmxUpload.ts) instead; the
 * desktop app and the CLI, which hold real paths, reach the backend by other transports.
 */
import type { ApiError } from '../../shared/types.js';

/**
 * The refusal for a request that names a file by path (`source: { kind: 'path' }`, which
 * startTmxImport, prepareTmxPrefill and prefillFromTmx take), or null when it names none. Every
 * method is checked, so one added later cannot forget it.
 */
export function pathSourceRefusal(input: unknown): ApiError | null {
  if (typeof input !== 'object' || input === null) return null;
  const source = (input as { source?: unknown }).source;
  if (typeof source !== 'object' || source === null || (source as { kind?: unknown }).kind !== 'path') return null;
  return {
    code: 'BAD_REQUEST',
    message: 'In browser mode a file is sent as an upload, never named by its path on this computer.',
  };
}
