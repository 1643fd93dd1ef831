/**
 * POSIX permissions of the data directory (issue 13): the directory 0700, the files in it (the
 * database with its -wal/-shm, key files, the lock) 0600. Looser permissions found at open are
 * tightened; nothing is ever loosened. A no-op on Windows (ACLs, not modes).
 */
import fs from 'node:fs';
import path from 'node:path';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

function tighten(file: string, wanted: number): void {
  let mode: number;
  try {
    mode = fs.statSync(file).mode & 0o777;
  } catch {
    return; // gone meanwhile
  }
  // Only ever take rights away: group/other bits off (and owner execute for files).
  const tightened = mode & wanted;
  if (tightened === mode) return;
  try {
    fs.chmodSync(file, tightened);
  } catch (err) {
    // Someone else's file in the folder: not ours to change (the database itself is ours).
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
  }
}

/** Makes `dataDir` private to its owner, with every regular file directly inside it. */
export function tightenDataDirPermissions(dataDir: string, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'win32') return;
  tighten(dataDir, DIR_MODE);
  for (const entry of fs.readdirSync(dataDir, { withFileTypes: true })) {
    if (entry.isFile()) tighten(path.join(dataDir, entry.name), FILE_MODE);
  }
}
