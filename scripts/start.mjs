#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is present (or can be fetched), otherwise
// browser mode with one clear sentence saying why. Both honour PORT and VERSO_DATA_DIR.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronVersion, findElectronBinary, tryInstallElectron } from './electronBinary.mjs';
import { ensureElectronBuild, ensureNodeBuild } from './native.mjs';
import { run } from './supervise.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function startBrowserMode(reason) {
  if (reason) console.log(reason);
  ensureNodeBuild();
  run(process.execPath, [path.join(root, 'dist/main/web.cjs')], process.env);
}

const forceWeb = process.argv.includes('--web');
let exe = forceWeb ? null : findElectronBinary();
if (!exe && !forceWeb) exe = tryInstallElectron();

if (!exe) {
  startBrowserMode(
    forceWeb
      ? null
      : `Electron's desktop binary is not installed and could not be downloaded, so Verso is starting in browser mode instead.`,
  );
} else {
  let nativeBinding;
  try {
    nativeBinding = ensureElectronBuild(root, electronVersion(), exe);
  } catch (err) {
    startBrowserMode(
      `The desktop app cannot start because ${err.message.replace(/^./, (c) => c.toLowerCase())} Verso is starting in browser mode instead.`,
    );
    nativeBinding = null;
  }
  if (nativeBinding) {
    run(exe, [root], { ...process.env, VERSO_NATIVE_BINDING: nativeBinding });
  }
}
