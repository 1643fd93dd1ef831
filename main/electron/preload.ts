/**
 * Sandboxed, context-isolated preload: exposes only `window.verso.invoke`, `window.verso.subscribe`
 * and, for exports, `window.verso.saveFile` / `window.verso.showInFolder` (main/electron/desktopFiles.ts),
 * and `window.verso.pathForFile` (a chosen file's path, for streamed TMX imports).
 * Calls and job events travel over a MessagePort straight to the backend's utility process
 * (main/port/protocol.ts): the preload asks main for it at every page load (`verso:connect`), gets
 * a new one after the backend restarts (`verso:port`), and while the backend is down answers calls
 * with main's clear error (`verso:backend-down`), its running jobs reported failed. The port never
 * reaches the page itself.
 * Bundled to one CommonJS file that requires nothing but electron.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES } from '../../shared/contract/events.js';
import { createPortClient } from '../port/portClient.js';
import { webPortEndpoint, type WebPortLike } from '../port/endpoints.js';
import { backendStoppedError } from '../port/protocol.js';
import { trackRunningJobs } from '../port/jobsOnStop.js';

const events = new Set<string>(EVENT_NAMES);
const backend = createPortClient();
const jobs = trackRunningJobs(backend);

ipcRenderer.on('verso:port', (event: IpcRendererEvent) => {
  const port = event.ports[0] as WebPortLike | undefined;
  if (port) backend.attach(webPortEndpoint(port));
});
ipcRenderer.on('verso:backend-down', (_event: IpcRendererEvent, message: unknown, restarting: unknown) => {
  const error = backendStoppedError(typeof message === 'string' ? message : 'Verso’s background process stopped.', restarting !== false);
  backend.detach(error);
  // Its running jobs died with it: the window shows them failed, not running forever.
  jobs.failRunning(error);
});
ipcRenderer.send('verso:connect');

/**
 * The method allowlist is main's (the dispatcher checks every name against the API contract and
 * answers UNKNOWN_METHOD): bundling the contract here would put zod and every schema in the preload.
 */
const METHOD_NAME = /^[A-Za-z]{1,100}$/;

contextBridge.exposeInMainWorld('verso', {
  invoke(method: string, input: unknown): Promise<unknown> {
    if (typeof method !== 'string' || !METHOD_NAME.test(method)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `Unknown method ${method}` } });
    }
    return backend.invoke(method, input);
  },
  saveFile(file: unknown): Promise<unknown> {
    return ipcRenderer.invoke('verso:saveFile', file);
  },
  showInFolder(filePath: unknown): Promise<unknown> {
    return ipcRenderer.invoke('verso:showInFolder', filePath);
  },
  /** Issue 17: a dropped or picked file's path, so a big TMX is read from disk by the backend, never sent as bytes. */
  pathForFile(file: unknown): string {
    return file instanceof File ? webUtils.getPathForFile(file) : '';
  },
  subscribe(event: string, listener: (payload: unknown) => void): () => void {
    if (!events.has(event)) throw new Error(`Unknown event ${event}`);
    return backend.subscribe(event, listener);
  },
});
