/**
 * The backend process entry (main/backendProcess.ts) as the desktop app runs it, with a Node child
 * process and its IPC channel standing in for Electron's utility process and MessagePort: started
 * by the same supervisor and driven by the same port protocol as the window's preload.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry, REPO_ROOT } from './testing/bundleEntry.js';
import { makeTempDir, removeTempDir } from './testing/tempDir.js';
import { createMemorySecretStore, type SecretStore } from './engines/secretStore.js';
import { startLibreTranslate, type LoopbackServer } from './engines/testing/loopbackServers.js';
import { createPortClient, type PortClient } from './port/portClient.js';
import { backendStoppedError, isBackendStopped, parseReply } from './port/protocol.js';
import { secretsDispatch } from './port/secretsOverPort.js';
import { createSupervisor, type Supervisor } from './port/supervisor.js';
import type { BackendStartConfig } from './port/hostMessages.js';
import type { ApiError, JobProgress } from '../shared/types.js';
import { forkBackend, type NodeBackendChild } from './port/nodeChild.js';

const bundleDir = path.join(REPO_ROOT, 'test-results', `backend-bundle-${process.pid}`);
const entry = path.join(bundleDir, 'main', 'backend.cjs');
const dirs: string[] = [];
const running: Host[] = [];

beforeAll(async () => {
  await bundleEntry('main/backendProcess.ts', entry);
}, 60_000);

afterEach(async () => {
  for (const host of running.splice(0)) await host.supervisor.stop(5_000);
});

afterAll(() => {
  for (const dir of dirs.splice(0)) removeTempDir(dir);
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

interface Host {
  supervisor: Supervisor<never>;
  /** The window's side: the same client the preload uses. */
  client: PortClient;
  /** Every child started, newest last. */
  children: NodeBackendChild[];
  events: { ready: number[]; crashed: { code: number | null; restarting: boolean }[]; startupFailed: ApiError[] };
  /** Resolves at the next `ready`. */
  nextReady(): Promise<number>;
}

/** Main's part, as main/electron/backendHost.ts does it, with Node children. */
function host(
  config: Partial<BackendStartConfig> & { dataDir: string },
  secrets: SecretStore = createMemorySecretStore(),
  maxRestarts = 3,
): Host {
  const client = createPortClient();
  const children: NodeBackendChild[] = [];
  const events: Host['events'] = { ready: [], crashed: [], startupFailed: [] };
  let waiting: ((pid: number) => void)[] = [];
  const supervisor = createSupervisor<never>({
    spawn: () => {
      const child = forkBackend(entry, { output: 'ignore' });
      children.push(child);
      return child;
    },
    config: { mode: 'electron', secrets: 'parent', ...config },
    dispatch: secretsDispatch(secrets),
    maxRestarts,
    events: {
      ready: ({ pid }) => {
        events.ready.push(pid);
        client.attach(children.at(-1)!.endpoint);
        for (const resolve of waiting.splice(0)) resolve(pid);
      },
      crashed: (info) => {
        events.crashed.push(info);
        client.detach(backendStoppedError(`Verso's background process stopped (exit code ${info.code}).`));
      },
      startupFailed: (error) => events.startupFailed.push(error),
    },
  });
  const h: Host = {
    supervisor,
    client,
    children,
    events,
    nextReady: () => new Promise((resolve) => (waiting = [...waiting, resolve])),
  };
  running.push(h);
  return h;
}

function dataDir(): string {
  const dir = makeTempDir('verso-backend-process-');
  dirs.push(dir);
  return dir;
}

async function call(client: PortClient, method: string, input: unknown): Promise<unknown> {
  const result = await client.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

function exitOf(child: NodeBackendChild): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.process.exitCode !== null || child.process.signalCode !== null) resolve(child.process.exitCode);
    else child.process.once('exit', (code) => resolve(code));
  });
}

describe('the backend in its own process', () => {
  it('runs in another process and answers a real call; quitting closes the library cleanly (no WAL left)', async () => {
    const dir = dataDir();
    const h = host({ dataDir: dir });
    const ready = h.nextReady();
    h.supervisor.start();
    const pid = await ready;
    expect(pid).not.toBe(process.pid);
    expect(pid).toBe(h.children[0]!.process.pid);

    const profile = (await call(h.client, 'setProfile', { name: 'Ana Ruiz', role: 'translator' })) as { id: string; name: string };
    expect(profile.name).toBe('Ana Ruiz');
    const doc = (await call(h.client, 'importDocument', {
      source: { kind: 'text', text: 'Hello world.\n\nSecond paragraph.', format: 'txt' },
      sourceLang: 'en',
      targetLang: 'es',
    })) as {
      paragraphs: unknown[];
    };
    expect(doc.paragraphs).toHaveLength(2);
    expect(fs.existsSync(path.join(dir, 'verso.sqlite-wal'))).toBe(true);

    const exited = exitOf(h.children[0]!);
    await h.supervisor.stop(10_000);
    expect(await exited).toBe(0);
    expect(h.supervisor.state).toBe('stopped');
    // SQLite checkpointed the WAL into the database and removed it: the library is whole on its own.
    expect(fs.existsSync(path.join(dir, 'verso.sqlite-wal'))).toBe(false);
    expect(h.events.crashed).toEqual([]);
  });

  it('refuses an invalid request and an invalid payload with a clear error, and keeps serving', async () => {
    const h = host({ dataDir: dataDir() });
    const ready = h.nextReady();
    h.supervisor.start();
    await ready;
    const child = h.children[0]!;
    // A request without a method, straight on the channel: refused with BAD_REQUEST for its id.
    const refused = new Promise<unknown>((resolve) => {
      const stop = child.endpoint.listen((data) => {
        const reply = parseReply(data);
        if (reply?.id === 987_654) {
          stop();
          resolve(reply.result);
        }
      });
    });
    child.endpoint.post({ kind: 'request', id: 987_654, method: 42, input: {} });
    expect(await refused).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: 'Refused: the request names no method.' } });

    const badInput = await h.client.invoke('setProfile', { name: 42, role: 'emperor' });
    expect(badInput.ok).toBe(false);
    if (!badInput.ok) {
      expect(badInput.error.code).toBe('BAD_REQUEST');
      expect(badInput.error.message).toMatch(/^Invalid input for setProfile/);
    }
    const unknown = await h.client.invoke('dropAllTables', {});
    expect(unknown).toEqual({ ok: false, error: { code: 'UNKNOWN_METHOD', message: 'Unknown method: dropAllTables' } });
    // The parent's key store is not reachable through the backend's API.
    expect(await h.client.invoke('secrets.get', { name: 'openai' })).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: 'Unknown method: secrets.get' },
    });
    // Nothing was saved by the refused calls, and the process still serves.
    expect(await call(h.client, 'listProfiles', {})).toEqual([]);
  });

  describe('with an online engine', () => {
    let libre: LoopbackServer;
    beforeAll(async () => {
      libre = await startLibreTranslate({ apiKey: 'kept-by-main-123' });
    });
    afterAll(async () => {
      await libre.close();
    });

    it('keeps the engine key in the parent (main) and delivers the job events of a translation', async () => {
      const secrets = createMemorySecretStore();
      const h = host({ dataDir: dataDir() }, secrets);
      const ready = h.nextReady();
      h.supervisor.start();
      await ready;
      await call(h.client, 'setProfile', { name: 'Ana Ruiz', role: 'translator' });
      const saved = (await call(h.client, 'saveEngineSettings', {
        engine: 'libretranslate',
        enabled: true,
        baseUrl: libre.url,
        apiKey: 'kept-by-main-123',
      })) as {
        libretranslate: { keySet: boolean; keySource: string | null };
      };
      expect(saved.libretranslate).toMatchObject({ keySet: true, keySource: 'stored' });
      // The key went to main's store, over the backend's channel to its parent.
      expect(await secrets.get('libretranslate')).toBe('kept-by-main-123');

      const doc = (await call(h.client, 'importDocument', {
        source: { kind: 'text', text: 'Good morning.\n\nThe river is long.', format: 'txt' },
        sourceLang: 'en',
        targetLang: 'es',
      })) as {
        id: string;
      };
      const events: JobProgress[] = [];
      const finished = new Promise<JobProgress>((resolve) => {
        h.client.subscribe('jobProgress', (payload) => {
          const p = payload as JobProgress;
          events.push(p);
          if (p.state !== 'running') resolve(p);
        });
      });
      const started = (await call(h.client, 'translateDocument', { documentId: doc.id, scope: 'all', engineId: 'libretranslate' })) as {
        jobId: string;
      };
      const last = await finished;
      expect(last).toMatchObject({ jobId: started.jobId, documentId: doc.id, state: 'done', done: 2, total: 2, error: null });
      expect(events.length).toBeGreaterThanOrEqual(2);
      // The backend asked main for the key when it needed it, and sent it to the engine.
      const translate = libre.requests.filter((r) => r.path === '/translate');
      expect(translate.length).toBeGreaterThan(0);
      expect(translate.every((r) => (r.body as { api_key?: string }).api_key === 'kept-by-main-123')).toBe(true);
    });
  });

  it('a killed backend: the call in flight and later calls get a clear error, then it is restarted and serves again', async () => {
    // An engine address that never answers keeps a call in flight until the process is killed.
    const requests: http.IncomingMessage[] = [];
    const silent = http.createServer((req) => void requests.push(req));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    try {
      const h = host({ dataDir: dataDir() });
      const ready = h.nextReady();
      h.supervisor.start();
      const firstPid = await ready;
      await call(h.client, 'setProfile', { name: 'Ana Ruiz', role: 'translator' });
      await call(h.client, 'saveEngineSettings', { engine: 'libretranslate', enabled: true, baseUrl: silentUrl });
      const inFlight = h.client.invoke('getEngineChoices', { sourceLang: 'en', targetLang: 'es' });
      while (requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(h.client.pending).toBe(1);

      const restarted = h.nextReady();
      h.children[0]!.kill();
      const result = await inFlight;
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(isBackendStopped(result.error)).toBe(true);
        expect(result.error.message).toMatch(/^Verso's background process stopped \(exit code null\)/);
      }
      expect(h.events.crashed[0]).toEqual({ code: null, restarting: true });

      const secondPid = await restarted;
      expect(secondPid).not.toBe(firstPid);
      // The restarted backend opened the same library: the profile is there.
      const profiles = (await call(h.client, 'listProfiles', {})) as { name: string }[];
      expect(profiles.map((p) => p.name)).toEqual(['Ana Ruiz']);
    } finally {
      for (const req of requests) req.socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('a backend that keeps dying is not restarted forever: the client is told it stopped', async () => {
    const h = host({ dataDir: dataDir() }, createMemorySecretStore(), 1);
    let ready = h.nextReady();
    h.supervisor.start();
    await ready;
    ready = h.nextReady();
    h.children[0]!.kill();
    await ready;
    h.children[1]!.kill();
    await exitOf(h.children[1]!);
    await new Promise((resolve) => setImmediate(resolve));
    expect(h.events.crashed).toEqual([
      { code: null, restarting: true },
      { code: null, restarting: false },
    ]);
    expect(h.supervisor.state).toBe('failed');
    const later = await h.client.invoke('listProfiles', {});
    expect(later.ok === false && isBackendStopped(later.error)).toBe(true);
  });

  it('a library it cannot open is reported once (the error), not restarted', async () => {
    const dir = dataDir();
    const first = host({ dataDir: dir });
    const ready = first.nextReady();
    first.supervisor.start();
    await ready;
    // A second backend on the same data directory: refused by the library's lock.
    const second = host({ dataDir: dir });
    second.supervisor.start();
    await exitOf(await waitForChild(second));
    await new Promise((resolve) => setImmediate(resolve));
    expect(second.events.startupFailed).toHaveLength(1);
    expect(second.events.startupFailed[0]!.code).toBe('LIBRARY_IN_USE');
    expect(second.events.crashed).toEqual([]);
    expect(second.supervisor.state).toBe('failed');
    expect(second.children).toHaveLength(1);
  });
});

async function waitForChild(h: Host): Promise<NodeBackendChild> {
  while (h.children.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  return h.children[0]!;
}
