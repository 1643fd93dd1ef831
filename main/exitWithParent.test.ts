/**
 * `npm start`'s process handling (scripts/supervise.mjs + exitWithParent): the browser-mode server
 * bundled as scripts/build.mjs does, started through the wrapper's `run`, must free its port when
 * the wrapper is killed — by a forwarded signal, and also by SIGKILL, which cannot be forwarded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleEntry } from './testing/bundleEntry.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from './testing/tempDir.js';
import { processAlive } from './core/processAlive.js';

const root = path.resolve(__dirname, '..');
const bundleDir = path.join(root, 'test-results', `web-bundle-${process.pid}`);
const webEntry = path.join(bundleDir, 'main', 'web.cjs');
const supervise = pathToFileURL(path.join(root, 'scripts', 'supervise.mjs')).href;
let dataDir: string;
const started: number[] = [];

beforeAll(async () => {
  await bundleEntry('main/web.ts', webEntry);
  // Browser mode runs its backend from the bundle beside it.
  await bundleEntry('main/backendProcess.ts', path.join(bundleDir, 'main', 'backend.cjs'));
  fs.mkdirSync(path.join(bundleDir, 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(bundleDir, 'renderer', 'index.html'), '<!doctype html><title>Verso</title>');
  dataDir = makeTempDir();
}, 60_000);

afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone, as it should be
    }
  }
});

afterAll(() => {
  removeTempDir(dataDir);
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Running, not a zombie: a killed wrapper's children are reaped by whatever init the machine has, maybe never. */
const alive = processAlive;

async function until(check: () => Promise<boolean> | boolean, deadlineMs = 45_000): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

/** Starts the wrapper's `run` on the bundled server; resolves once the server listens. */
async function startWrapped(port: number): Promise<{ wrapper: ChildProcess; serverPid: number; backendPid: number }> {
  const script = `import(${JSON.stringify(supervise)}).then((m) => { const c = m.run(process.execPath, [${JSON.stringify(webEntry)}], process.env); console.log('server-pid ' + c.pid); });`;
  const wrapper = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, PORT: String(port), VERSO_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(wrapper.pid!);
  let output = '';
  wrapper.stdout.on('data', (d: Buffer) => (output += d.toString()));
  wrapper.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const up = await until(() => /Open this address/.test(output) && /server-pid \d+/.test(output), 60_000);
  expect(up, output).toBe(true);
  const serverPid = Number(/server-pid (\d+)/.exec(output)![1]);
  started.push(serverPid);
  expect(await portAnswers(port)).toBe(true);
  // The backend process (main/backendProcess.ts) holds the library's lock.
  const backendPid = (JSON.parse(fs.readFileSync(path.join(dataDir, 'verso.lock'), 'utf8')) as { pid: number }).pid;
  expect(backendPid).not.toBe(serverPid);
  started.push(backendPid);
  return { wrapper, serverPid, backendPid };
}

describe('npm start wrapper', () => {
  it('when the wrapper is killed with SIGKILL, the server notices, exits and frees the port', async () => {
    const port = await freePort();
    const { wrapper, serverPid, backendPid } = await startWrapped(port);
    wrapper.kill('SIGKILL');
    expect(await until(() => !alive(serverPid)), `server ${serverPid} still running after its wrapper was killed -9`).toBe(true);
    expect(await until(async () => !(await portAnswers(port)))).toBe(true);
    expect(await until(() => !alive(backendPid)), `backend ${backendPid} still running after its server stopped`).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'verso.sqlite-wal'))).toBe(false);
  }, 120_000);

  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)(
    'forwards %s: the server stops and the wrapper ends with it',
    async (signal) => {
      const port = await freePort();
      const { wrapper, serverPid, backendPid } = await startWrapped(port);
      const exited = new Promise<number | null>((resolve) => wrapper.once('exit', (code) => resolve(code)));
      wrapper.kill(signal);
      expect(await exited).toBe(0);
      expect(await until(() => !alive(serverPid))).toBe(true);
      // The server waited for its backend to close the library: gone, and no WAL left.
      expect(alive(backendPid)).toBe(false);
      expect(fs.existsSync(path.join(dataDir, 'verso.sqlite-wal'))).toBe(false);
      expect(await portAnswers(port)).toBe(false);
    },
    120_000,
  );
});
