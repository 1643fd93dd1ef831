/**
 * The backend process entry (main/backendProcess.ts, bundled as dist/main/backend.cjs) run as a
 * Node child process with an IPC channel (structured clone: `serialization: 'advanced'`): how
 * browser mode runs its backend (main/web.ts), and the tests' stand-in for Electron's utility
 * process. The child's requests and replies travel on the IPC channel itself.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { ipcEndpoint } from './endpoints.js';
import type { BackendChild } from './supervisor.js';

export interface NodeBackendChild extends BackendChild<never> {
  readonly process: ChildProcess;
}

export interface ForkOptions {
  env?: NodeJS.ProcessEnv;
  /** Its stdout and stderr: the parent's (default), or drained and dropped (tests). */
  output?: 'inherit' | 'ignore';
}

export function forkBackend(entry: string, options: ForkOptions = {}): NodeBackendChild {
  const child = fork(entry, [], {
    serialization: 'advanced',
    stdio: options.output === 'ignore' ? ['ignore', 'ignore', 'pipe', 'ipc'] : ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...options.env },
  });
  child.stderr?.resume();
  // A send racing the child's exit fails with an 'error' event; the exit itself is what counts.
  child.on('error', () => undefined);
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
