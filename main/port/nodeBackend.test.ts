/**
 * Browser mode's backend (what main/web.ts serves through the bridge): the backend process entry
 * in a Node child, its calls and events, a crash and the restart, a library it cannot open.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleEntry, REPO_ROOT } from '../testing/bundleEntry.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { startNodeBackend, type NodeBackend } from './nodeBackend.js';
import { isBackendStopped } from './protocol.js';
import type { JobProgress } from '../../shared/types.js';
import { startLibreTranslate } from '../engines/testing/loopbackServers.js';
import { processAlive } from '../core/processAlive.js';

const bundleDir = path.join(REPO_ROOT, 'test-results', `node-backend-${process.pid}`);
const entry = path.join(bundleDir, 'main', 'backend.cjs');
const dirs: string[] = [];
const running: NodeBackend[] = [];

beforeAll(async () => {
  await bundleEntry('main/backendProcess.ts', entry);
}, 60_000);

afterAll(async () => {
  for (const backend of running.splice(0)) await backend.stop(5_000);
  for (const dir of dirs.splice(0)) removeTempDir(dir);
  fs.rmSync(bundleDir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = makeTempDir('verso-node-backend-');
  dirs.push(dir);
  return dir;
}

/** Exited (a zombie not yet reaped counts as gone). */
const gone = (pid: number): boolean => !processAlive(pid);

describe('browser mode’s backend process', () => {
  it('serves calls, forwards job events to the hub and survives a kill -9 with a clear error meanwhile', async () => {
    const dir = dataDir();
    const crashes: unknown[] = [];
    const started = await startNodeBackend({
      entry,
      config: { dataDir: dir, mode: 'browser', secrets: 'file' },
      crashed: (info) => crashes.push(info),
    });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const { backend, dbPath } = started;
    running.push(backend);
    expect(dbPath).toBe(path.join(dir, 'verso.sqlite'));
    expect(backend.pid).not.toBe(process.pid);
    expect(await backend.dispatch('setProfile', { name: 'Bo Berg', role: 'translator' })).toMatchObject({
      ok: true,
      value: { name: 'Bo Berg' },
    });
    expect(await backend.dispatch(42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });

    // A job's events reach the hub the bridge's SSE subscribes to.
    const libre = await startLibreTranslate();
    try {
      expect(await backend.dispatch('saveEngineSettings', { engine: 'libretranslate', enabled: true, baseUrl: libre.url })).toMatchObject({
        ok: true,
      });
      const doc = await backend.dispatch('importDocument', {
        source: { kind: 'text', text: 'One.\n\nTwo.', format: 'txt' },
        sourceLang: 'en',
        targetLang: 'es',
      });
      if (!doc.ok) throw new Error(doc.error.message);
      const documentId = (doc.value as { id: string }).id;
      const finished = new Promise<JobProgress>((resolve) => {
        backend.events.subscribe((name, payload) => {
          if (name === 'jobProgress' && payload.state !== 'running') resolve(payload);
        });
      });
      expect(await backend.dispatch('translateDocument', { documentId, scope: 'all', engineId: 'libretranslate' })).toMatchObject({
        ok: true,
      });
      expect(await finished).toMatchObject({ documentId, state: 'done', done: 2, total: 2 });
    } finally {
      await libre.close();
    }

    const first = backend.pid!;
    process.kill(first, 'SIGKILL');
    // Until the restart, calls answer that the backend stopped; then they work again, on the same library.
    let result = await backend.dispatch('listProfiles', {});
    while (!result.ok) {
      expect(isBackendStopped(result.error)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 20));
      result = await backend.dispatch('listProfiles', {});
    }
    expect(result.value).toMatchObject([{ name: 'Bo Berg' }]);
    expect(crashes).toEqual([{ code: null, restarting: true }]);
    expect(backend.pid).not.toBe(first);
    expect(gone(first)).toBe(true);
  });

  it('a job running when the backend dies is reported failed with the backend-stopped error', async () => {
    // LibreTranslate that lists its languages and then never answers a translation: the job stays running.
    const hanging: http.ServerResponse[] = [];
    const server = http.createServer((req, res) => {
      if (req.url === '/languages') {
        res.setHeader('Content-Type', 'application/json');
        res.end(
          JSON.stringify([
            { code: 'en', targets: ['es'] },
            { code: 'es', targets: ['en'] },
          ]),
        );
      } else hanging.push(res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const started = await startNodeBackend({ entry, config: { dataDir: dataDir(), mode: 'browser', secrets: 'file' } });
      if (!started.ok) throw new Error(started.error.message);
      const { backend } = started;
      running.push(backend);
      await backend.dispatch('setProfile', { name: 'Bo Berg', role: 'translator' });
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      expect(await backend.dispatch('saveEngineSettings', { engine: 'libretranslate', enabled: true, baseUrl: url })).toMatchObject({
        ok: true,
      });
      const doc = await backend.dispatch('importDocument', {
        source: { kind: 'text', text: 'One.\n\nTwo.', format: 'txt' },
        sourceLang: 'en',
        targetLang: 'es',
      });
      if (!doc.ok) throw new Error(doc.error.message);
      const seen: JobProgress[] = [];
      backend.events.subscribe((name, payload) => void (name === 'jobProgress' && seen.push(payload)));
      const job = await backend.dispatch('translateDocument', {
        documentId: (doc.value as { id: string }).id,
        scope: 'all',
        engineId: 'libretranslate',
      });
      if (!job.ok) throw new Error(job.error.message);
      const jobId = (job.value as { jobId: string }).jobId;
      while (hanging.length === 0 || !seen.some((p) => p.state === 'running')) await new Promise((resolve) => setTimeout(resolve, 20));

      process.kill(backend.pid!, 'SIGKILL');
      while (!seen.some((p) => p.state === 'failed')) await new Promise((resolve) => setTimeout(resolve, 20));
      const failed = seen.find((p) => p.state === 'failed')!;
      expect(failed).toMatchObject({
        jobId,
        state: 'failed',
        error: { code: 'INTERNAL', details: { reason: 'backend-stopped', restarting: true } },
      });
    } finally {
      for (const res of hanging) res.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a library it cannot open is reported with its error, details kept', async () => {
    const dir = dataDir();
    fs.writeFileSync(path.join(dir, 'verso.sqlite'), Buffer.alloc(0));
    const started = await startNodeBackend({ entry, config: { dataDir: dir, mode: 'browser', secrets: 'file' } });
    expect(started.ok).toBe(false);
    if (started.ok) return;
    expect(started.error.code).toBe('LIBRARY_DAMAGED');
    expect(started.error.details).toMatchObject({ file: path.join(dir, 'verso.sqlite') });
    expect(typeof started.error.details?.['problem']).toBe('string');
  });
});
