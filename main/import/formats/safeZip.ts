/**
 * Reads chosen parts of a ZIP archive (a DOCX) with yauzl, guarded against hostile archives:
 * - every entry name is checked (yauzl's own validator: no absolute paths, no `..`, no
 *   backslashes) before anything is decompressed; one bad name refuses the whole file;
 * - the central directory's declared uncompressed sizes of the parts to be read are checked
 *   against the limits BEFORE decompression (zip bomb with a huge declared size);
 * - while a part is inflated the bytes actually produced are counted and reading stops as soon
 *   as they pass the declared size or the limit (zip bomb that lies about its size); yauzl's own
 *   byte-count check is on as well;
 * - entry count, duplicate names, encryption and unknown compression methods are refused.
 * Nothing is ever written to disk.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ServiceError } from '../../core/serviceError.js';
import { IMPORT_LIMITS, MB } from '../limits.js';

export interface ZipLimits {
  /** Most entries the archive may list. */
  entries: number;
  /** Largest uncompressed size of one part that is read. */
  partBytes: number;
  /** Largest uncompressed size of all parts read, together. */
  totalBytes: number;
}

export const ZIP_LIMITS: ZipLimits = {
  entries: IMPORT_LIMITS.zipEntries,
  partBytes: IMPORT_LIMITS.zipPartBytes,
  totalBytes: IMPORT_LIMITS.zipTotalBytes,
};

export function damaged(reason: string): ServiceError {
  return new ServiceError('IMPORT_DOCX_DAMAGED', `The Word file is damaged or incomplete (${reason.slice(0, 200)}).`, {
    reason: reason.slice(0, 200),
  });
}

function tooLarge(entry: string, limitBytes: number, declaredBytes: number | null): ServiceError {
  const limitMb = Math.round(limitBytes / MB);
  return new ServiceError(
    'IMPORT_ZIP_TOO_LARGE',
    `"${entry}" in the Word file would unpack to ${declaredBytes === null ? 'more than' : declaredBytes + ' bytes, over'} the limit of ${limitMb} MB; it was not opened (zip bomb?).`,
    declaredBytes === null ? { entry, limitBytes, limitMb } : { entry, limitBytes, limitMb, declaredBytes },
  );
}

function sizeMismatch(entry: string, declaredBytes: number): ServiceError {
  return new ServiceError(
    'IMPORT_ZIP_SIZE_MISMATCH',
    `"${entry}" in the Word file unpacks to more than the ${declaredBytes} bytes the archive declares; it was not opened (zip bomb?).`,
    { entry, declaredBytes },
  );
}

function unsafePath(entry: string): ServiceError {
  return new ServiceError(
    'IMPORT_ZIP_UNSAFE_PATH',
    `The Word file holds an entry named "${entry}", which points outside the archive; it was not opened.`,
    {
      entry,
    },
  );
}

/** The name of an entry (yauzl decodes it as the archive says: UTF-8 flag, Info-ZIP extra field or CP437). */
function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileNameRaw;
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
}

/** Refuses names that could escape an extraction folder, also those yauzl itself would accept. */
export function checkEntryName(name: string): void {
  const shown = name.slice(0, 200);
  if (yauzl.validateFileName(name) !== null) throw unsafePath(shown);
  // Drive letters ("C:..."), NUL and other control characters.
  if (/^[a-zA-Z]:/.test(name) || /[\u0000-\u001f]/.test(name)) throw unsafePath(shown);
}

/**
 * Reads a stream to its end, counting the bytes as they come and stopping (destroying the stream)
 * the moment they pass `declared` (the archive lied) or `limit`.
 */
export function readCapped(stream: Readable, entry: string, declared: number, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let count = 0;
    let done = false;
    const fail = (err: Error): void => {
      if (done) return;
      done = true;
      stream.destroy();
      reject(err);
    };
    stream.on('data', (chunk: Buffer) => {
      if (done) return;
      count += chunk.length;
      if (count > limit) return fail(tooLarge(entry, limit, null));
      if (count > declared) return fail(sizeMismatch(entry, declared));
      chunks.push(chunk);
    });
    stream.on('error', (err: Error) =>
      fail(/too many bytes in the stream/.test(err.message) ? sizeMismatch(entry, declared) : damaged(err.message)),
    );
    stream.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks, count));
    });
  });
}

function openZip(bytes: Uint8Array): Promise<yauzl.ZipFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }, (err, zip) => {
      if (err) reject(damaged(err.message));
      else resolve(zip);
    });
  });
}

/** Every entry of the archive, names checked, without decompressing anything. */
function listEntries(zip: yauzl.ZipFile, limits: ZipLimits): Promise<Map<string, yauzl.Entry>> {
  if (zip.entryCount > limits.entries) {
    return Promise.reject(
      new ServiceError('IMPORT_TOO_COMPLEX', `The Word file lists ${zip.entryCount} parts; at most ${limits.entries} are read.`, {
        limit: limits.entries,
        what: 'entries',
      }),
    );
  }
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      try {
        const name = entryName(entry);
        checkEntryName(name);
        if (entries.has(name)) throw damaged(`the part "${name.slice(0, 100)}" is listed twice`);
        entries.set(name, entry);
        zip.readEntry();
      } catch (err) {
        reject(err);
      }
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (err: Error) => reject(damaged(err.message)));
    zip.readEntry();
  });
}

function openStream(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => (err ? reject(damaged(err.message)) : resolve(stream)));
  });
}

export interface ZipReader {
  /** Names of every entry (all checked). */
  names: string[];
  /** The uncompressed bytes of one entry, or null when the archive has no such entry. */
  read(name: string): Promise<Buffer | null>;
  close(): void;
}

/**
 * Opens an archive: lists and checks every entry (nothing decompressed yet). `wanted` are the parts
 * that may be read; their declared sizes are checked against the limits right here.
 */
export async function openSafeZip(bytes: Uint8Array, limits: ZipLimits = ZIP_LIMITS): Promise<ZipReader> {
  const zip = await openZip(bytes);
  let entries: Map<string, yauzl.Entry>;
  try {
    entries = await listEntries(zip, limits);
  } catch (err) {
    zip.close();
    throw err;
  }
  let total = 0;
  return {
    names: [...entries.keys()],
    async read(name) {
      const entry = entries.get(name);
      if (!entry) return null;
      // Before anything is decompressed: the sizes the central directory declares.
      if (entry.uncompressedSize > limits.partBytes) throw tooLarge(name, limits.partBytes, entry.uncompressedSize);
      if (total + entry.uncompressedSize > limits.totalBytes) throw tooLarge(name, limits.totalBytes, total + entry.uncompressedSize);
      if (entry.isEncrypted()) throw damaged(`the part "${name}" is encrypted`);
      if (!entry.canDecodeFileData())
        throw damaged(`the part "${name}" uses an unsupported compression method (${entry.compressionMethod})`);
      // While decompressing: the bytes actually produced.
      const data = await readCapped(
        await openStream(zip, entry),
        name,
        entry.uncompressedSize,
        Math.min(limits.partBytes, limits.totalBytes - total),
      );
      total += data.length;
      return data;
    },
    close() {
      zip.close();
    },
  };
}
