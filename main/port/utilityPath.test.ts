/**
 * The backend process entry on the desktop app's path — `process.parentPort`, `connect` with one
 * MessagePort per window, engine keys asked of the parent — with a worker thread standing in for
 * Electron's utility process (testing/utilityStandIn.ts) and the same supervisor main uses.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry, REPO_ROOT } from '../testing/bundleEntry.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { createMemorySecretStore } from '../engines/secretStore.js';
import { nodePortEndpoint } from './endpoints.js';
import { createPortClient, type PortClient } from './portClient.js';
import { backendStoppedError, isBackendStopped } from './protocol.js';
import { secretsDispatch } from './secretsOverPort.js';
import { createSupervisor, type Supervisor } from './supervisor.js';
import { startUtilityStandIn, type UtilityStandIn } from './testing/utilityStandIn.js';

const bundleDir = path.join(REPO_ROOT, 'test-results', `utility-path-${process.pid}`);
const entry = path.join(bundleDir, 'main', 'backend.cjs');
const dirs: string[] = [];
const supervisors: Supervisor<MessagePort>[] = [];
const ports: MessagePort[] = [];

beforeAll(async () => {
  await bundleEntry('main/backendProcess.ts', entry);
}, 60_000);

afterEach(async () => {
  for (const s of supervisors.splice(0)) await s.stop(5_000);
  for (const p of ports.splice(0)) p.close();
});

afterAll(() => {
  for (const dir of dirs.splice(0)) removeTempDir(dir);
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

/** Main's part as backendHost.ts does it: windows get a port each, again after a restart. */
function desktop(dataDir: string) {
  const children: UtilityStandIn[] = [];
  const windows: PortClient[] = [];
  const readies: (() => void)[] = [];
  const secrets = createMemorySecretStore();
  const hand = (window: PortClient): void => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    if (supervisor.connect(port1)) window.attach(nodePortEndpoint(port2));
  };
  const supervisor = createSupervisor<MessagePort>({
    spawn: () => {
      children.push(startUtilityStandIn(entry));
      return children.at(-1)!;
    },
    config: { dataDir, mode: 'electron', secrets: 'parent' },
    dispatch: secretsDispatch(secrets),
    events: {
      ready: () => {
        for (const w of windows) hand(w);
        for (const resolve of readies.splice(0)) resolve();
      },
      startupFailed: () => {},
      crashed: ({ restarting }) => {
        for (const w of windows) w.detach(backendStoppedError('The backend stopped.', restarting));
      },
    },
  });
  supervisors.push(supervisor);
  return {
    supervisor,
    children,
    secrets,
    ready: () => new Promise<void>((resolve) => readies.push(resolve)),
    openWindow(): PortClient {
      const w = createPortClient();
      windows.push(w);
      if (supervisor.state === 'ready') hand(w);
      return w;
    },
  };
}

describe('the backend entry as a utility process (worker-thread stand-in)', () => {
  it('serves each window on its own port, and asks main for engine keys', async () => {
    const dir = makeTempDir('verso-utility-');
    dirs.push(dir);
    const app = desktop(dir);
    const ready = app.ready();
    app.supervisor.start();
    await ready;
    const one = app.openWindow();
    const two = app.openWindow();
    expect(await one.invoke('setProfile', { name: 'Ana Ruiz', role: 'translator' })).toMatchObject({ ok: true });
    expect(await two.invoke('listProfiles', {})).toMatchObject({ ok: true, value: [{ name: 'Ana Ruiz' }] });

    // The key goes to main's store over the backend's own channel; the windows never see it.
    const saved = await one.invoke('saveEngineSettings', {
      engine: 'libretranslate',
      enabled: true,
      baseUrl: 'http://127.0.0.1:5000',
      apiKey: 'sk-desktop-1',
    });
    expect(saved).toMatchObject({ ok: true, value: { libretranslate: { keySet: true, keySource: 'stored' } } });
    expect(JSON.stringify(saved)).not.toContain('sk-desktop-1');
    expect(await app.secrets.get('libretranslate')).toBe('sk-desktop-1');
  });

  it('a window whose port closes (its page went away) leaves the others served', async () => {
    const dir = makeTempDir('verso-utility-');
    dirs.push(dir);
    const app = desktop(dir);
    const ready = app.ready();
    app.supervisor.start();
    await ready;
    const one = app.openWindow();
    const two = app.openWindow();
    expect(await one.invoke('listProfiles', {})).toMatchObject({ ok: true });
    ports[1]!.close(); // window one's end: its page went away
    expect(await two.invoke('listProfiles', {})).toMatchObject({ ok: true, value: [] });
  });

  it('the utility process dies: the windows get the clear error, then new ports to the restarted backend', async () => {
    const dir = makeTempDir('verso-utility-');
    dirs.push(dir);
    const app = desktop(dir);
    let ready = app.ready();
    app.supervisor.start();
    await ready;
    const window = app.openWindow();
    expect(await window.invoke('setProfile', { name: 'Bo Berg', role: 'editor' })).toMatchObject({ ok: true });
    ready = app.ready();
    await app.children[0]!.worker.terminate();
    const meanwhile = await window.invoke('listProfiles', {});
    expect(meanwhile.ok === false && isBackendStopped(meanwhile.error)).toBe(true);
    await ready;
    expect(await window.invoke('listProfiles', {})).toMatchObject({ ok: true, value: [{ name: 'Bo Berg' }] });
    expect(app.children).toHaveLength(2);
  });

  it('shutdown closes the library and ends the process', async () => {
    const dir = makeTempDir('verso-utility-');
    dirs.push(dir);
    const app = desktop(dir);
    const ready = app.ready();
    app.supervisor.start();
    await ready;
    const window = app.openWindow();
    expect(await window.invoke('setProfile', { name: 'Cy Dahl', role: 'translator' })).toMatchObject({ ok: true });
    const exited = new Promise<number>((resolve) => app.children[0]!.worker.once('exit', resolve));
    await app.supervisor.stop(10_000);
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dir, 'verso.sqlite-wal'))).toBe(false);
  });
});
