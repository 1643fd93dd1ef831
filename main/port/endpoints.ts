/**
 * The port protocol's `Endpoint` over each kind of channel, described by the few members used
 * (nothing here imports `electron`): Electron's MessagePortMain (main and the utility process),
 * the web MessagePort (the preload), a Node IPC channel (a child process and its parent, tests)
 * and Node's worker_threads MessagePort.
 */
import type { Endpoint } from './protocol.js';

/** Electron's MessagePortMain, and what `process.parentPort` delivers. */
export interface MainPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
  start?(): void;
}

export function mainPortEndpoint(port: MainPortLike): Endpoint {
  return {
    post: (message) => port.postMessage(message),
    listen(listener) {
      const handler = (event: { data: unknown }): void => listener(event.data);
      port.on('message', handler);
      // A MessagePortMain queues messages until started (process.parentPort has no start()).
      port.start?.();
      return () => void port.off('message', handler);
    },
  };
}

/** The web MessagePort the preload receives. */
export interface WebPortLike {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
  start(): void;
}

export function webPortEndpoint(port: WebPortLike): Endpoint {
  return {
    post: (message) => port.postMessage(message),
    listen(listener) {
      const handler = (event: { data: unknown }): void => listener(event.data);
      port.addEventListener('message', handler);
      port.start();
      return () => port.removeEventListener('message', handler);
    },
  };
}

/** A Node IPC channel: `process` in a forked child, the ChildProcess in its parent (use `serialization: 'advanced'`). */
export interface IpcChannelLike {
  readonly connected?: boolean;
  send?(message: unknown): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

export function ipcEndpoint(channel: IpcChannelLike): Endpoint {
  return {
    post(message) {
      if (!channel.send || channel.connected === false) throw new Error('The IPC channel is closed.');
      channel.send(message);
    },
    listen(listener) {
      const handler = (message: unknown): void => listener(message);
      channel.on('message', handler);
      return () => void channel.off('message', handler);
    },
  };
}

/** Node's worker_threads MessagePort (an EventEmitter delivering the data itself). */
export interface NodePortLike {
  on(event: 'message', listener: (data: unknown) => void): unknown;
  off(event: 'message', listener: (data: unknown) => void): unknown;
  postMessage(message: unknown): void;
}

export function nodePortEndpoint(port: NodePortLike): Endpoint {
  return {
    post: (message) => port.postMessage(message),
    listen(listener) {
      port.on('message', listener);
      return () => void port.off('message', listener);
    },
  };
}
