/**
 * backendHost.ts with Electron's `utilityProcess` and `MessageChannelMain` replaced by stand-ins
 * (the binary is not available here): the real backend entry runs in a worker thread shaped like a
 * utility process (main/port/testing/utilityStandIn.ts); a window gets its port, loses it when the
 * backend dies (and is told why), and gets a new one after the restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import type { MessagePort } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleEntry, REPO_ROOT } from '../testing/bundleEntry.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { createMemorySecretStore } from '../engines/secretStore.js';
import { secretsDispatch } from '../port/secretsOverPort.js';
import { createPortClient } from '../port/portClient.js';
import { nodePortEndpoint } from '../port/endpoints.js';
import { backendStoppedError, isBackendStopped } from '../port/protocol.js';
import type { UtilityStandIn } from '../port/testing/utilityStandIn.js';

const stand = vi.hoisted(() => ({
  entry: '',
  forks: [] as { modulePath: string; options: unknown; child: UtilityStandIn }[],
}));

vi.mock('electron', async () => {
  const { MessageChannel: NodeChannel } = await import('node:worker_threads');
  const { startUtilityStandIn: start } = await import('../port/testing/utilityStandIn.js');
  return {
    MessageChannelMain: NodeChannel,
    utilityProcess: {
      fork(modulePath: string, _args: string[], options: unknown) {
        const child = start(stand.entry);
        stand.forks.push({ modulePath, options, child });
        return {
          postMessage: (message: unknown, ports?: MessagePort[]) =>
            ports?.length ? child.postWithPorts(message as never, ports) : child.endpoint.post(message),
          on: (_event: 'message', listener: (m: unknown) => void) => child.worker.on('message', listener),
          off: (_event: 'message', listener: (m: unknown) => void) => child.worker.off('message', listener),
          once: (_event: 'exit', listener: (code: number) => void) => child.worker.once('exit', listener),
          kill: () => void child.worker.terminate(),
        };
      },
    },
  };
});

const { createBackendHost } = await import('./backendHost.js');

const bundleDir = path.join(REPO_ROOT, 'test-results', `backend-host-${process.pid}`);
const dataDir = makeTempDir('verso-backend-host-');

beforeAll(async () => {
  stand.entry = path.join(bundleDir, 'main', 'backend.cjs');
  await bundleEntry('main/backendProcess.ts', stand.entry);
}, 60_000);

afterAll(() => {
  removeTempDir(dataDir);
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

/** A window's webContents as backendHost uses it, with the preload's client behind it. */
function fakeWindow() {
  const contents = new EventEmitter() as EventEmitter & Record<string, unknown>;
  const client = createPortClient();
  const down: unknown[][] = [];
  let ports = 0;
  Object.assign(contents, {
    isDestroyed: () => false,
    postMessage(channel: string, _message: null, transfer: MessagePort[]) {
      if (channel === 'verso:port' && transfer[0]) {
        ports++;
        client.attach(nodePortEndpoint(transfer[0]));
      }
    },
    send(channel: string, ...args: unknown[]) {
      if (channel !== 'verso:backend-down') return;
      down.push(args);
      client.detach(backendStoppedError(String(args[0]), args[1] !== false));
    },
  });
  return { contents, client, down, ports: () => ports };
}

describe('desktop backend host', () => {
  it('forks the bundled entry as a named utility process, hands the window a port, and re-hands one after a crash', async () => {
    const readies: number[] = [];
    let onReady: (() => void) | null = null;
    const crashes: unknown[] = [];
    const host = createBackendHost({
      config: { dataDir, mode: 'electron', secrets: 'parent' },
      dispatch: secretsDispatch(createMemorySecretStore()),
      ready: (pid) => {
        readies.push(pid);
        onReady?.();
      },
      startupFailed: (error) => {
        throw new Error(error.message);
      },
      crashed: (info) => {
        crashes.push(info);
        return `stopped (${info.code})`;
      },
    });
    let ready = new Promise<void>((resolve) => (onReady = resolve));
    host.start();
    await ready;
    expect(stand.forks[0]!.modulePath).toBe(path.join(__dirname, 'backend.cjs'));
    expect(stand.forks[0]!.options).toEqual({ serviceName: 'Verso backend', stdio: 'inherit' });
    expect(host.state).toBe('ready');

    const window = fakeWindow();
    host.connectWindow(window.contents as never);
    expect(window.ports()).toBe(1);
    expect(await window.client.invoke('setProfile', { name: 'Ana Ruiz', role: 'translator' })).toMatchObject({ ok: true });

    ready = new Promise<void>((resolve) => (onReady = resolve));
    await stand.forks[0]!.child.worker.terminate();
    expect(window.down).toEqual([['stopped (1)', true]]);
    const meanwhile = await window.client.invoke('listProfiles', {});
    expect(meanwhile.ok === false && isBackendStopped(meanwhile.error)).toBe(true);
    await ready;
    expect(window.ports()).toBe(2);
    expect(await window.client.invoke('listProfiles', {})).toMatchObject({ ok: true, value: [{ name: 'Ana Ruiz' }] });
    expect(crashes).toEqual([{ code: 1, restarting: true }]);

    await host.stop(10_000);
    expect(host.state).toBe('stopped');
    expect(fs.existsSync(path.join(dataDir, 'verso.sqlite-wal'))).toBe(false);
  });
});
