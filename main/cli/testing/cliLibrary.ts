/**
 * Test support for CLI commands: before each test a fresh library with a profile (as the app's
 * first start leaves it) and an in-memory `CliIo` whose output lines are collected.
 */
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createBackend } from '../../backend.js';
import { makeTempDir, removeTempDir } from '../../testing/tempDir.js';
import type { CliIo } from '../cliIo.js';

export interface CliLibrary {
  /** The test's temporary folder (the CLI's working directory); the library is in `data/` under it. */
  readonly dir: string;
  readonly out: string[];
  readonly err: string[];
  readonly io: CliIo;
}

/** Registers the per-test library; read `dir` inside a test (it changes for each). */
export function useCliLibrary(): CliLibrary {
  let dir = '';
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: {},
    get cwd() {
      return dir;
    },
    version: '1.0.0',
    resolveDataDir: () => path.join(dir, 'data'),
  };
  beforeEach(async () => {
    dir = makeTempDir();
    out.length = 0;
    err.length = 0;
    const backend = createBackend({ dataDir: path.join(dir, 'data'), mode: 'browser', version: '1.0.0', engines: [] });
    await backend.api.setProfile({ name: 'Pipeline', role: 'editor' });
    backend.close();
  });
  afterEach(() => removeTempDir(dir));
  return {
    get dir() {
      return dir;
    },
    out,
    err,
    io,
  };
}
