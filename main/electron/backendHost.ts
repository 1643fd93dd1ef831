/**
 * The desktop app's side of the backend process: forks main/backendProcess.ts (bundled as
 * dist/main/backend.cjs) as an Electron utility process, keeps it running (main/port/supervisor.ts)
 * and gives each window its own MessagePort to it: one end of a MessageChannelMain goes to the
 * utility process (`connect`), the other to the window's preload (`verso:port`). A window asks
 * (`verso:connect`) when its page loads, and gets a new port after every restart; while the
 * backend is down its preload answers calls with `verso:backend-down`'s error.
 */
import path from 'node:path';
import { MessageChannelMain, utilityProcess, type MessagePortMain, type WebContents } from 'electron';
import { createSupervisor, type BackendChild, type BackendState } from '../port/supervisor.js';
import { BACKEND_BUNDLE, type BackendStartConfig } from '../port/hostMessages.js';
import type { PortDispatch } from '../port/portServer.js';
import type { ApiError } from '../../shared/types.js';

/** The utility process's name in the OS and in `app.getAppMetrics()`. */
export const BACKEND_SERVICE_NAME = 'Verso backend';

function utilityChild(entry: string): BackendChild<MessagePortMain> {
  // No cwd: a working directory inside app.asar makes the utility process fail to start.
  const child = utilityProcess.fork(entry, [], { serviceName: BACKEND_SERVICE_NAME, stdio: 'inherit' });
  return {
    endpoint: {
      post: (message) => child.postMessage(message),
      listen(listener) {
        const handler = (message: unknown): void => listener(message);
        child.on('message', handler);
        return () => void child.off('message', handler);
      },
    },
    postWithPorts: (message, ports) => child.postMessage(message, ports),
    onExit: (listener) => void child.once('exit', (code) => listener(code)),
    kill: () => void child.kill(),
  };
}

export interface BackendHostOptions {
  config: BackendStartConfig;
  /** Answers the backend's requests to main (engine keys, signing keys). */
  dispatch: PortDispatch;
  ready(pid: number): void;
  startupFailed(error: ApiError): void;
  /** It died; `restarting` false: it stays stopped. Returns what the windows' calls answer meanwhile. */
  crashed(info: { code: number | null; restarting: boolean }): string;
}

export interface BackendHost {
  start(): void;
  /** The window's preload asked for its port (page loaded or reloaded). */
  connectWindow(contents: WebContents): void;
  stop(timeoutMs: number): Promise<void>;
  readonly pid: number | null;
  readonly state: BackendState;
}

export function createBackendHost(options: BackendHostOptions): BackendHost {
  const windows = new Set<WebContents>();
  let down: { message: string; restarting: boolean } | null = null;

  const supervisor = createSupervisor<MessagePortMain>({
    spawn: () => utilityChild(path.join(__dirname, BACKEND_BUNDLE)),
    config: options.config,
    dispatch: options.dispatch,
    events: {
      ready({ pid }) {
        down = null;
        for (const contents of windows) hand(contents);
        options.ready(pid);
      },
      startupFailed: (error) => options.startupFailed(error),
      crashed(info) {
        down = { message: options.crashed(info), restarting: info.restarting };
        for (const contents of windows) tellDown(contents);
      },
    },
  });

  function tellDown(contents: WebContents): void {
    if (down && !contents.isDestroyed()) contents.send('verso:backend-down', down.message, down.restarting);
  }

  function hand(contents: WebContents): void {
    if (contents.isDestroyed()) return;
    const { port1, port2 } = new MessageChannelMain();
    if (supervisor.connect(port1)) contents.postMessage('verso:port', null, [port2]);
    else {
      port1.close();
      port2.close();
    }
  }

  return {
    start: () => supervisor.start(),
    connectWindow(contents) {
      if (!windows.has(contents)) {
        windows.add(contents);
        contents.once('destroyed', () => windows.delete(contents));
      }
      if (supervisor.state === 'ready') hand(contents);
      else tellDown(contents);
    },
    stop: (timeoutMs) => supervisor.stop(timeoutMs),
    get pid() {
      return supervisor.pid;
    },
    get state() {
      return supervisor.state;
    },
  };
}
