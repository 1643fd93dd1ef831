/**
 * The supervisor's decisions with scripted children (the real process: main/backendProcess.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Endpoint } from './protocol.js';
import { createSupervisor, type BackendChild } from './supervisor.js';

interface FakeChild extends BackendChild<string> {
  sent: unknown[];
  portsSent: string[][];
  killed: boolean;
  say(message: unknown): void;
  exit(code: number | null): void;
}

function fakeChild(onShutdown: 'exit' | 'ignore' = 'exit'): FakeChild {
  const listeners = new Set<(data: unknown) => void>();
  let onExit: ((code: number | null) => void) | null = null;
  let gone = false;
  const child: FakeChild = {
    sent: [],
    portsSent: [],
    killed: false,
    endpoint: {
      post(message) {
        child.sent.push(message);
        if ((message as { kind?: string }).kind === 'shutdown' && onShutdown === 'exit') queueMicrotask(() => child.exit(0));
      },
      listen(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    } satisfies Endpoint,
    postWithPorts(message, ports) {
      child.sent.push(message);
      child.portsSent.push(ports);
    },
    onExit: (listener) => void (onExit = listener),
    kill() {
      child.killed = true;
      child.exit(null);
    },
    say: (message) => listeners.forEach((l) => l(message)),
    exit(code) {
      if (gone) return;
      gone = true;
      onExit?.(code);
    },
  };
  return child;
}

const config = { dataDir: '/tmp/verso-x', mode: 'electron', secrets: 'parent' } as const;

describe('backend supervisor', () => {
  it('starts the child with its configuration and hands ports only once it is ready', () => {
    const child = fakeChild();
    const ready: number[] = [];
    const s = createSupervisor({
      spawn: () => child,
      config,
      events: { ready: ({ pid }) => ready.push(pid), startupFailed: () => {}, crashed: () => {} },
    });
    s.start();
    expect(child.sent).toEqual([{ kind: 'start', config }]);
    expect(s.connect('port-a')).toBe(false);
    child.say({ kind: 'ready', pid: 4242, dbPath: '/tmp/verso-x/verso.sqlite' });
    expect(ready).toEqual([4242]);
    expect(s.pid).toBe(4242);
    expect(s.connect('port-b')).toBe(true);
    expect(child.portsSent).toEqual([['port-b']]);
  });

  it('kills a backend that does not stop when asked', async () => {
    const child = fakeChild('ignore');
    const s = createSupervisor({ spawn: () => child, config, events: { ready: () => {}, startupFailed: () => {}, crashed: () => {} } });
    s.start();
    child.say({ kind: 'ready', pid: 1, dbPath: 'x' });
    await s.stop(0);
    expect(child.sent.at(-1)).toEqual({ kind: 'shutdown' });
    expect(child.killed).toBe(true);
    expect(s.state).toBe('stopped');
  });

  it('a clean stop is no crash and starts nothing new', async () => {
    const children: FakeChild[] = [];
    const crashed: unknown[] = [];
    const s = createSupervisor({
      spawn: () => {
        children.push(fakeChild());
        return children.at(-1)!;
      },
      config,
      events: { ready: () => {}, startupFailed: () => {}, crashed: (i) => crashed.push(i) },
    });
    s.start();
    children[0]!.say({ kind: 'ready', pid: 1, dbPath: 'x' });
    await s.stop(10_000);
    expect(children[0]!.killed).toBe(false);
    expect(crashed).toEqual([]);
    expect(children).toHaveLength(1);
    await s.stop(10_000); // twice is harmless
  });

  it('a child that dies before it is ready is restarted like a crash', () => {
    const children: FakeChild[] = [];
    const crashed: unknown[] = [];
    const s = createSupervisor({
      spawn: () => {
        children.push(fakeChild());
        return children.at(-1)!;
      },
      config,
      maxRestarts: 2,
      events: { ready: () => {}, startupFailed: () => {}, crashed: (i) => crashed.push(i) },
    });
    s.start();
    children[0]!.exit(134);
    children[1]!.exit(134);
    children[2]!.exit(134);
    expect(crashed).toEqual([
      { code: 134, restarting: true },
      { code: 134, restarting: true },
      { code: 134, restarting: false },
    ]);
    expect(children).toHaveLength(3);
    expect(s.state).toBe('failed');
  });

  it('a process that cannot be started at all is a startup failure, not a crash loop', () => {
    const failed: unknown[] = [];
    const s = createSupervisor<string>({
      spawn: () => {
        throw new Error('ENOENT backend.cjs');
      },
      config,
      events: { ready: () => {}, startupFailed: (e) => failed.push(e), crashed: () => {} },
    });
    s.start();
    expect(failed).toEqual([{ code: 'INTERNAL', message: 'The backend process could not be started: ENOENT backend.cjs' }]);
    expect(s.state).toBe('failed');
  });
});
