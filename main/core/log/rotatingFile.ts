/**
 * The log file: appended to synchronously (a crash loses no line), created 0600 in a 0700 folder
 * like the rest of the data directory, and rotated by size: when a line would take the file past
 * `maxBytes` (and once at open), `verso.log` becomes `verso.log.1`, `.1` becomes `.2`… and the
 * oldest beyond `keep` is deleted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DIR_MODE, FILE_MODE, tightenDataDirPermissions } from '../permissions.js';

export interface RotatingFileOptions {
  /** Bytes after which the file is rotated (default 5 MB). */
  maxBytes?: number;
  /** Rotated files kept beside the current one (default 5). */
  keep?: number;
}

export const LOG_MAX_BYTES = 5 * 1024 * 1024;
export const LOG_KEEP = 5;

export class RotatingFile {
  readonly file: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private fd: number | null = null;
  private size = 0;

  constructor(file: string, options: RotatingFileOptions = {}) {
    this.file = path.resolve(file);
    this.maxBytes = options.maxBytes ?? LOG_MAX_BYTES;
    this.keep = options.keep ?? LOG_KEEP;
    const dir = path.dirname(this.file);
    fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
    tightenDataDirPermissions(dir);
    this.open();
    if (this.size >= this.maxBytes) this.rotate();
  }

  write(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
    if (this.fd === null) this.open();
    fs.writeSync(this.fd!, line);
    this.size += bytes;
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  private open(): void {
    this.fd = fs.openSync(this.file, 'a', FILE_MODE);
    if (process.platform !== 'win32') fs.fchmodSync(this.fd, FILE_MODE);
    this.size = fs.fstatSync(this.fd).size;
  }

  private rotate(): void {
    this.close();
    fs.rmSync(`${this.file}.${this.keep}`, { force: true });
    for (let i = this.keep - 1; i >= 1; i--) {
      if (fs.existsSync(`${this.file}.${i}`)) fs.renameSync(`${this.file}.${i}`, `${this.file}.${i + 1}`);
    }
    if (this.keep >= 1) fs.renameSync(this.file, `${this.file}.1`);
    else fs.rmSync(this.file, { force: true });
    this.open();
  }
}
