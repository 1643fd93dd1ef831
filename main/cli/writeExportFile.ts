/**
 * Writes an export where the user asked, and nowhere else: `--out` is a file path (its folder must
 * exist) or an existing folder (the export's own file name goes inside it). Never follows a
 * symbolic link at the destination, never overwrites without `force`, never leaves a half-written
 * file (a temporary file in the same folder is renamed into place).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

/** The file an export goes to, checked: inside the chosen folder, a plain name, not a link or folder. */
export function resolveOutputPath(out: string, fileName: string, cwd: string = process.cwd()): string {
  if (out.trim() === '') throw new CliError('--out is empty: give a file or an existing folder.');
  if (out.includes('\0')) throw new CliError('--out contains a NUL character.');
  const resolved = path.resolve(cwd, out);
  let stat: fs.Stats | null;
  try {
    stat = fs.lstatSync(resolved);
  } catch {
    stat = null;
  }
  if (stat?.isSymbolicLink())
    throw new CliError(`${resolved} is a symbolic link; Verso does not write through links. Choose another path.`);
  const looksLikeFolder = /[\\/]$/.test(out);
  if (stat?.isDirectory() || looksLikeFolder) {
    if (!stat?.isDirectory()) throw new CliError(`The folder ${resolved} does not exist. Create it first.`);
    // The export's own name is a slug with the language and extension: never a path.
    if (fileName !== path.basename(fileName) || fileName.startsWith('.') || /[\\/\0]/.test(fileName)) {
      throw new CliError(`Refusing the file name ${JSON.stringify(fileName)}.`);
    }
    const target = path.join(resolved, fileName);
    if (path.dirname(target) !== resolved) throw new CliError(`Refusing to write outside ${resolved}.`);
    return target;
  }
  const folder = path.dirname(resolved);
  let folderStat: fs.Stats;
  try {
    folderStat = fs.statSync(folder);
  } catch {
    throw new CliError(`The folder ${folder} does not exist. Create it first, or choose another --out.`);
  }
  if (!folderStat.isDirectory()) throw new CliError(`${folder} is not a folder.`);
  return resolved;
}

/** Writes `bytes` to `target`; refuses an existing file unless `force`. */
export function writeExportFile(target: string, bytes: Uint8Array, force: boolean): void {
  let existing: fs.Stats | null;
  try {
    existing = fs.lstatSync(target);
  } catch {
    existing = null;
  }
  if (existing?.isSymbolicLink()) throw new CliError(`${target} is a symbolic link; Verso does not write through links.`);
  if (existing?.isDirectory()) throw new CliError(`${target} is a folder.`);
  if (existing && !force) throw new CliError(`${target} already exists. Add --force to overwrite it.`);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const fd = fs.openSync(temp, 'wx', 0o644);
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    if (!force && fs.existsSync(target)) throw new CliError(`${target} already exists. Add --force to overwrite it.`);
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
