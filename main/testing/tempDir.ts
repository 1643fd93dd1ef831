/** Helpers for tests on the Node side (no test framework imports here). */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh temporary directory; remove it with `removeTempDir`. */
export function makeTempDir(prefix = 'verso-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}
