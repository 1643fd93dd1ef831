/** A File's bytes as an import source for the API (base64), with the size checked first. */
import type { ImportSource } from '../../../shared/api.js';
import { LIMITS } from '../../../shared/limits.js';
import type { ApiError } from '../../../shared/types.js';
import { bytesToBase64 } from '../base64.js';

export async function fileBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}

/** The file as an import source, or IMPORT_TOO_LARGE without reading it (a 200 MB file never leaves the disk). */
export async function fileSource(file: File): Promise<ImportSource | ApiError> {
  if (file.size > LIMITS.importFileBytes) {
    return { code: 'IMPORT_TOO_LARGE', message: 'IMPORT_TOO_LARGE', details: { limitBytes: LIMITS.importFileBytes, sizeBytes: file.size } };
  }
  return { kind: 'file', fileName: file.name, dataBase64: bytesToBase64(await fileBytes(file)) };
}
