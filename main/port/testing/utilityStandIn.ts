/**
 * Test support: the backend process entry as Electron runs it in a utility process — with
 * `process.parentPort` and one MessagePort per window handed over with `connect` — in a Node worker
 * thread, whose MessagePorts can be transferred as Electron's can. The worker is given a
 * `process.parentPort` shaped like Electron's (message events `{ data, ports }`, ports that emit
 * `{ data }` and `close`); nothing else of the entry is changed.
 */
import { Worker, type MessagePort } from 'node:worker_threads';
import type { BackendChild } from '../supervisor.js';

const BOOTSTRAP = `
const { parentPort } = require('node:worker_threads');
const asMainPort = (port) => ({
  on(event, listener) {
    if (event === 'message') port.on('message', (data) => listener({ data }));
    else port.on(event, listener);
  },
  off() {},
  postMessage: (message) => port.postMessage(message),
  start: () => port.start(),
  close: () => port.close(),
});
process.parentPort = {
  on(event, listener) {
    if (event === 'message') parentPort.on('message', (m) => listener({ data: m.data, ports: (m.ports || []).map(asMainPort) }));
  },
  off() {},
  postMessage: (message) => parentPort.postMessage(message),
};
require(${'${ENTRY}'});
`;

export interface UtilityStandIn extends BackendChild<MessagePort> {
  readonly worker: Worker;
}

export function startUtilityStandIn(entry: string): UtilityStandIn {
  const worker = new Worker(BOOTSTRAP.replace('${ENTRY}', JSON.stringify(entry)), { eval: true, stdout: true, stderr: true });
  worker.stdout.resume();
  worker.stderr.resume();
  return {
    worker,
    endpoint: {
      post: (message) => worker.postMessage({ data: message, ports: [] }),
      listen(listener) {
        const handler = (message: unknown): void => listener(message);
        worker.on('message', handler);
        return () => void worker.off('message', handler);
      },
    },
    postWithPorts: (message, ports) => worker.postMessage({ data: message, ports }, ports),
    onExit: (listener) => void worker.once('exit', (code) => listener(code)),
    kill: () => void worker.terminate(),
  };
}
