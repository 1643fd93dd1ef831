/**
 * Sandboxed, context-isolated preload: exposes only `window.verso.invoke`, `window.verso.subscribe`
 * and, for exports, `window.verso.saveFile` / `window.verso.showInFolder` (main/electron/desktopFiles.ts).
 * Bundled to one CommonJS file that requires nothing but electron.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES } from '../../shared/contract/events.js';

const events = new Set<string>(EVENT_NAMES);
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
    return ipcRenderer.invoke('verso:invoke', method, input);
  },
  saveFile(file: unknown): Promise<unknown> {
    return ipcRenderer.invoke('verso:saveFile', file);
  },
  showInFolder(filePath: unknown): Promise<unknown> {
    return ipcRenderer.invoke('verso:showInFolder', filePath);
  },
  subscribe(event: string, listener: (payload: unknown) => void): () => void {
    if (!events.has(event)) throw new Error(`Unknown event ${event}`);
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown): void => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on('verso:event', handler);
    return () => ipcRenderer.removeListener('verso:event', handler);
  },
});
