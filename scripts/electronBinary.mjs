// Finds Electron's executable without triggering its implicit download (electron ≥ 42 fetches the
// binary lazily on first launch; here and in CI that download cannot succeed).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function electronPackageDir() {
  return path.dirname(require.resolve('electron/package.json'));
}

export function electronVersion() {
  return JSON.parse(fs.readFileSync(path.join(electronPackageDir(), 'package.json'), 'utf8')).version;
}

/** Path of the installed Electron executable, or null when the binary is not there. */
export function findElectronBinary() {
  const dir = electronPackageDir();
  const pathTxt = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathTxt)) return null;
  const exe = path.join(dir, 'dist', fs.readFileSync(pathTxt, 'utf8').trim());
  let installed;
  try {
    installed = fs
      .readFileSync(path.join(dir, 'dist', 'version'), 'utf8')
      .trim()
      .replace(/^v/, '');
  } catch {
    return null;
  }
  return fs.existsSync(exe) && installed === electronVersion() ? exe : null;
}

/** Tries Electron's own installer once (quietly, bounded in time); returns the binary or null. */
export function tryInstallElectron(timeoutMs = 180_000) {
  const r = spawnSync(process.execPath, [path.join(electronPackageDir(), 'install.js')], {
    stdio: 'ignore',
    timeout: timeoutMs,
  });
  return r.status === 0 ? findElectronBinary() : null;
}
