/**
 * The preload's wiring with Electron's two objects replaced by stand-ins (the binary is not
 * available here): it asks main for its port at load, serves `window.verso` over it, answers calls
 * with main's error while the backend is down, and switches to the new port after a restart.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createEventHub } from '../jobs/eventHub.js';
import { nodePortEndpoint } from '../port/endpoints.js';
import { forwardEvents, serveRequests } from '../port/portServer.js';
import type { JobProgress } from '../../shared/types.js';

type Listener = (event: { ports: MessagePort[] }, ...args: unknown[]) => void;
const electron = vi.hoisted(() => ({
  exposed: null as null | Record<string, (...args: never[]) => unknown>,
  listeners: new Map<string, Listener>(),
  sent: [] as string[],
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (_name: string, api: Record<string, (...args: never[]) => unknown>) => void (electron.exposed = api),
  },
  ipcRenderer: {
    on: (channel: string, listener: Listener) => void electron.listeners.set(channel, listener),
    send: (channel: string) => void electron.sent.push(channel),
    invoke: () => Promise.resolve(null),
  },
  webUtils: { getPathForFile: (file: File) => `/picked/${file.name}` },
}));

interface Verso {
  invoke(method: string, input: unknown): Promise<unknown>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

const open: MessagePort[] = [];
let verso: Verso;
let lastHub: ReturnType<typeof createEventHub> | null = null;

beforeAll(async () => {
  await import('./preload.js');
  verso = electron.exposed as unknown as Verso;
});
afterAll(() => {
  for (const port of open) port.close();
});

/** A backend answering on a fresh channel; its window end is handed to the preload as main does. */
function backendPort(answer: string) {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  const hub = createEventHub();
  lastHub = hub;
  serveRequests(nodePortEndpoint(port1), (method, input) => Promise.resolve({ ok: true, value: { answer, method, input } }));
  forwardEvents(nodePortEndpoint(port1), hub);
  return { hub, give: () => electron.listeners.get('verso:port')!({ ports: [port2] }) };
}

describe('desktop preload', () => {
  it('asks main for its port when it loads, and exposes only the bridge', () => {
    expect(electron.sent).toEqual(['verso:connect']);
    expect(Object.keys(verso).sort()).toEqual(['invoke', 'pathForFile', 'saveFile', 'showInFolder', 'subscribe']);
  });

  it('gives a picked file’s path (issue 17: a big TMX is read from disk, never sent as bytes), and nothing for anything else', () => {
    const bridge = verso as unknown as { pathForFile(file: unknown): string };
    expect(bridge.pathForFile(new File(['<tmx/>'], 'memory.tmx'))).toBe('/picked/memory.tmx');
    expect(bridge.pathForFile({ name: 'fake.tmx' })).toBe('');
  });

  it('refuses a malformed method name or an unknown event without sending anything (main’s dispatcher is the method allowlist)', async () => {
    expect(await verso.invoke('drop all tables', {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_METHOD', message: 'Unknown method drop all tables' },
    });
    expect(() => verso.subscribe('somethingElse', () => {})).toThrow('Unknown event somethingElse');
  });

  it('a call made before the port arrives is sent once it does; events reach subscribers', async () => {
    const early = verso.invoke('listProfiles', {});
    const first = backendPort('first');
    first.give();
    expect(await early).toEqual({ ok: true, value: { answer: 'first', method: 'listProfiles', input: {} } });
    const progress: JobProgress = { jobId: 'j', documentId: 'd', state: 'running', done: 1, total: 2, error: null };
    const got = new Promise((resolve) => verso.subscribe('jobProgress', resolve));
    first.hub.emit('jobProgress', progress);
    expect(await got).toEqual(progress);
  });

  it('while the backend is down calls get main’s error and its running jobs are reported failed; after the restart the new port serves', async () => {
    const seen: JobProgress[] = [];
    verso.subscribe('jobProgress', (p) => seen.push(p as JobProgress));
    const running: JobProgress = { jobId: 'j2', documentId: 'd', state: 'running', done: 3, total: 9, error: null };
    const finished: JobProgress = { ...running, jobId: 'j3', state: 'done', done: 9 };
    // (the first backend's port is still attached)
    const hub = lastHub!;
    hub.emit('jobProgress', running);
    hub.emit('jobProgress', finished);
    while (seen.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    electron.listeners.get('verso:backend-down')!({ ports: [] }, 'The backend stopped (exit code 9).', true);
    const stopped = {
      code: 'INTERNAL',
      message: 'The backend stopped (exit code 9).',
      details: { reason: 'backend-stopped', restarting: true },
    };
    // Job j (still running from the test before) and j2 failed; j3 had finished.
    expect(seen.slice(2).map((p) => [p.jobId, p.state, p.error])).toEqual([
      ['j', 'failed', stopped],
      ['j2', 'failed', stopped],
    ]);
    expect(seen[3]).toEqual({ ...running, state: 'failed', error: stopped });
    expect(await verso.invoke('listProfiles', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'The backend stopped (exit code 9).', details: { reason: 'backend-stopped', restarting: true } },
    });
    backendPort('second').give();
    expect(await verso.invoke('listProfiles', {})).toMatchObject({ ok: true, value: { answer: 'second' } });
  });
});
