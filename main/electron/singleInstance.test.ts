import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claimSingleInstance, type SingleInstanceApp } from './singleInstance.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';

let dir = '';
afterEach(() => removeTempDir(dir));

function fakeApp(granted: boolean) {
  const calls: string[] = [];
  const listeners: (() => void)[] = [];
  const app: SingleInstanceApp = {
    requestSingleInstanceLock: () => (calls.push('lock'), granted),
    on: (_event, listener) => listeners.push(listener),
    quit: () => calls.push('quit'),
  };
  return { app, calls, listeners };
}

describe('Electron single instance', () => {
  it('the first instance keeps running and comes to the front when a second one starts', () => {
    dir = makeTempDir();
    const { app, calls, listeners } = fakeApp(true);
    let focused = 0;
    expect(
      claimSingleInstance(
        app,
        dir,
        () => focused++,
        () => {},
      ),
    ).toBe(true);
    expect(calls).toEqual(['lock']);
    listeners.forEach((l) => l());
    expect(focused).toBe(1);
  });

  it('a second instance says which process holds the library, in one sentence, and quits', () => {
    dir = makeTempDir();
    fs.writeFileSync(
      path.join(dir, 'verso.lock'),
      JSON.stringify({ pid: 4242, command: 'verso', host: 'h', startedAt: '2026-12-03T01:00:00.000Z' }),
    );
    const { app, calls } = fakeApp(false);
    const lines: string[] = [];
    expect(
      claimSingleInstance(
        app,
        dir,
        () => {},
        (l) => lines.push(l),
      ),
    ).toBe(false);
    expect(calls).toEqual(['lock', 'quit']);
    expect(lines).toEqual([
      `Verso is already running (process 4242, since 2026-12-03T01:00:00.000Z) with the library in ${dir}: switching to that window.`,
    ]);
  });
});
