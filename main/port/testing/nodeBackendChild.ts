/**
 * Test support: the backend process entry (main/backendProcess.ts, bundled as scripts/build.mjs
 * bundles it) run in a Node child process with an IPC channel, the stand-in for Electron's utility
 * process and its MessagePort (structured clone: `serialization: 'advanced'`).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { ipcEndpoint } from '../endpoints.js';
import type { BackendChild } from '../supervisor.js';

export interface NodeBackendChild extends BackendChild<never> {
  readonly process: ChildProcess;
}

export function forkBackend(entry: string, env: NodeJS.ProcessEnv = {}): NodeBackendChild {
  const child = fork(entry, [], {
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: { ...process.env, ...env },
  });
  // Keep the child's warnings out of the test output, but drain them.
  child.stderr?.resume();
  return {
    process: child,
    endpoint: ipcEndpoint(child),
    postWithPorts: () => {
      throw new Error('A Node child takes no ports: its requests come on the IPC channel.');
    },
    onExit: (listener) => void child.once('exit', (code) => listener(code)),
    kill: () => void child.kill('SIGKILL'),
  };
}
