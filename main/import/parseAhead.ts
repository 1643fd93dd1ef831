/**
 * A document parsed ahead, in an import worker started ahead (importWorkers.ts) for `verso import
 * <file>` (main/cli/workersAhead.ts): the worker reads and parses the file while the CLI is still
 * loading. The job that then comes takes that parse only when it is the same parse: a file job
 * with the same file name and the very same bytes, and no extraction choice; any other job parses
 * as usual. The parse is the same function of the same input, so its outcome (a refusal too) is the
 * one the job would have had. A file that cannot be read, or is over the import's size limit, is
 * not parsed ahead: the job meets it as it always does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { runImportJob, type ImportJob, type ImportOutcome } from './importJob.js';
import { IMPORT_LIMITS } from './limits.js';

/** The message that asks a worker to parse a file ahead (its absolute path). */
export interface ParseAheadRequest {
  kind: 'parseAhead';
  path: string;
}

export const isParseAheadRequest = (message: unknown): message is ParseAheadRequest =>
  typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'parseAhead';

interface Ahead {
  fileName: string;
  bytes: Buffer;
  outcome: Promise<ImportOutcome>;
}

// One per worker (a worker serves one job).
let ahead: Ahead | null = null;

/** Reads the file and starts parsing it (a job that comes meanwhile waits for that parse, when it is the same). */
export function startParseAhead(request: ParseAheadRequest): void {
  ahead = null;
  let bytes: Buffer;
  try {
    const stat = fs.statSync(request.path);
    if (!stat.isFile() || stat.size > IMPORT_LIMITS.fileBytes) return;
    bytes = fs.readFileSync(request.path);
  } catch {
    return;
  }
  const fileName = path.basename(request.path);
  // The parser gets its own copy: the bytes kept are compared with the job's.
  ahead = { fileName, bytes, outcome: runImportJob({ kind: 'file', fileName, bytes: new Uint8Array(bytes) }) };
}

/** The outcome parsed ahead when `job` is that same parse, else null; either way it is used up. */
export function takeParsedAhead(job: ImportJob): Promise<ImportOutcome> | null {
  const a = ahead;
  ahead = null;
  if (a === null || job.kind !== 'file' || job.extract !== undefined || job.fileName !== a.fileName) return null;
  return a.bytes.equals(job.bytes) ? a.outcome : null;
}
