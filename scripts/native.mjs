// Keeps the two builds of better-sqlite3 apart:
//  - Node's build lives where npm puts it (node_modules/better-sqlite3/build/Release) and serves
//    `npm test`, browser mode and the CLI;
//  - Electron's build lives in .native/electron-<version>/ and is handed to the app through
//    better-sqlite3's `nativeBinding` option (env VERSO_NATIVE_BINDING).
// So `npm test` and `npm start` never rebuild each other's binary.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function betterSqliteDir() {
  return path.dirname(require.resolve('better-sqlite3/package.json'));
}

/** Loads better-sqlite3 in this Node; returns null when it works, else the error message. */
export function checkNodeBuild() {
  const probe = spawnSync(process.execPath, ['-e', "const D=require('better-sqlite3'); new D(':memory:').prepare('select 1').get()"], {
    encoding: 'utf8',
  });
  return probe.status === 0 ? null : (probe.stderr || probe.stdout || 'unknown error').trim().split('\n').slice(0, 3).join(' ');
}

/** Makes sure Node's build loads; rebuilds it from source (about a minute) when it does not. */
export function ensureNodeBuild({ log = console.log } = {}) {
  const problem = checkNodeBuild();
  if (problem === null) return;
  log(`The SQLite module is not built for this Node.js (${process.version}); rebuilding it now, this takes about a minute…`);
  const env = withoutNpmNodedir(process.env);
  const r = spawnSync(npmCommand(), ['rebuild', 'better-sqlite3'], { stdio: 'inherit', env });
  if (r.status !== 0 || checkNodeBuild() !== null) {
    throw new Error('Rebuilding better-sqlite3 for Node.js failed; see the messages above.');
  }
}

function npmCommand() {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

function withoutNpmNodedir(env) {
  const copy = { ...env };
  for (const key of Object.keys(copy)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(key)) delete copy[key];
  }
  return copy;
}

export function electronNativeFile(root, electronVersion) {
  return path.join(root, '.native', `electron-${electronVersion}`, 'better_sqlite3.node');
}

/** Loads the Electron build inside Electron itself (as Node): the only trustworthy ABI check. */
export function verifyInElectron(electronExe, nativeFile) {
  const script = `const D=require(${JSON.stringify(betterSqliteDir())});new D(':memory:',{nativeBinding:${JSON.stringify(nativeFile)}}).prepare('select 1').get()`;
  const r = spawnSync(electronExe, ['-e', script], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    timeout: 60_000,
  });
  return r.status === 0 ? null : (r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n').slice(0, 3).join(' ');
}

/**
 * Builds better-sqlite3 for Electron in a private copy of its sources, against Electron's headers
 * (never Node's: the npm_config_nodedir that ~/.npmrc may set is removed), then verifies it.
 */
export function buildForElectron(root, electronVersion, electronExe, { log = console.log } = {}) {
  const target = electronNativeFile(root, electronVersion);
  const work = path.join(root, '.native', `src-electron-${electronVersion}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  const src = betterSqliteDir();
  for (const entry of ['binding.gyp', 'src', 'deps', 'package.json']) {
    fs.cpSync(path.join(src, entry), path.join(work, entry), { recursive: true });
  }
  log(`Building the SQLite module for Electron ${electronVersion} (one time, about a minute)…`);
  const gyp = require.resolve('node-gyp/bin/node-gyp.js');
  const r = spawnSync(
    process.execPath,
    [
      gyp,
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
      `--devdir=${path.join(root, '.native', 'gyp')}`,
    ],
    { cwd: work, stdio: 'inherit', env: withoutNpmNodedir(process.env) },
  );
  if (r.status !== 0) throw new Error('Building better-sqlite3 for Electron failed (Electron headers could not be fetched or compiled).');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  const problem = verifyInElectron(electronExe, target);
  if (problem !== null) {
    fs.rmSync(target, { force: true });
    throw new Error(`The SQLite module built for Electron does not load in Electron: ${problem}`);
  }
  return target;
}

/** Returns a verified Electron build, building it when missing or stale. */
export function ensureElectronBuild(root, electronVersion, electronExe, opts) {
  const target = electronNativeFile(root, electronVersion);
  if (fs.existsSync(target) && verifyInElectron(electronExe, target) === null) return target;
  return buildForElectron(root, electronVersion, electronExe, opts);
}
