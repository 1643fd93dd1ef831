/** One parse job and its outcome, as they travel to and from the import worker. */
import type { ParsedImport } from '../../shared/import/importedDocument.js';
import type { ApiError, SourceFormat } from '../../shared/types.js';
import { isServiceError } from '../services/serviceError.js';
import { parseImportFile, parseImportText } from './parseImport.js';

export type ImportJob =
  | { kind: 'file'; fileName: string; bytes: Uint8Array }
  | { kind: 'text'; text: string; format: SourceFormat };

export type ImportOutcome = { ok: true; value: ParsedImport } | { ok: false; error: ApiError };

export async function runImportJob(job: ImportJob): Promise<ImportOutcome> {
  try {
    const value = job.kind === 'file' ? await parseImportFile({ fileName: job.fileName, bytes: job.bytes }) : parseImportText(job.text, job.format);
    return { ok: true, value };
  } catch (err) {
    if (isServiceError(err)) return { ok: false, error: err.toApiError() };
    if (err instanceof RangeError) {
      // A stack overflow on pathological nesting: too complex, not an internal failure.
      return { ok: false, error: { code: 'IMPORT_TOO_COMPLEX', message: 'The file is nested too deeply to read.', details: { limit: 'nesting' } } };
    }
    return { ok: false, error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) } };
  }
}
