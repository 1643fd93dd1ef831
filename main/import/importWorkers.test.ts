/**
 * Import workers started ahead of their job: taken by the first job with the same bundle and heap
 * (which then runs in it), not by another; one that failed before it was taken is dropped, and
 * one never taken does not keep the process alive.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { createImportRunner } from './importRunner.js';
import { bundledWorkerFile, startImportWorker, startImportWorkerAhead, workersAheadWaiting } from './importWorkers.js';
import { IMPORT_LIMITS } from './limits.js';
import { useWorkerBundle } from './testing/workerBundle.js';

const bundle = useWorkerBundle();

describe('import workers started ahead', () => {
  it('the next job with the same bundle and heap runs in the worker started ahead', async () => {
    startImportWorkerAhead(bundle.file, IMPORT_LIMITS.workerHeapMb);
    expect(workersAheadWaiting()).toBe(1);
    const runner = createImportRunner({ workerFile: bundle.file });
    const parsed = await runner.parse({ kind: 'text', text: 'One.\n\nTwo.', format: 'txt' });
    expect(parsed.segments.map((s) => s.text)).toEqual(['One.', 'Two.']);
    expect(workersAheadWaiting()).toBe(0);
  });

  it('a job with another heap or another bundle does not take it', async () => {
    startImportWorkerAhead(bundle.file, 64);
    const other = path.join(bundle.dir, 'other.cjs');
    fs.copyFileSync(bundle.file, other);
    const runner = createImportRunner({ workerFile: bundle.file, heapMb: 128 });
    await runner.parse({ kind: 'text', text: 'One.', format: 'txt' });
    await createImportRunner({ workerFile: other, heapMb: 64 }).parse({ kind: 'text', text: 'One.', format: 'txt' });
    expect(workersAheadWaiting()).toBe(1);
    const taken = startImportWorker(bundle.file, 64);
    expect(workersAheadWaiting()).toBe(0);
    await taken.terminate();
  });

  it('one that fails before a job takes it is dropped, and the job starts its own', async () => {
    const broken = path.join(bundle.dir, 'broken.cjs');
    fs.writeFileSync(broken, 'throw new Error("broken bundle");');
    startImportWorkerAhead(broken, IMPORT_LIMITS.workerHeapMb);
    expect(workersAheadWaiting()).toBe(1);
    await expect.poll(() => workersAheadWaiting(), { timeout: 20_000 }).toBe(0);
    // The job meets the failure in a worker of its own, as any job would.
    const worker = startImportWorker(broken, IMPORT_LIMITS.workerHeapMb);
    const [err] = (await once(worker, 'error')) as [Error];
    expect(err.message).toBe('broken bundle');
  });

  it('one never taken does not keep the process alive', async () => {
    const entry = path.join(bundle.dir, 'ahead-entry.cjs');
    await build({
      stdin: {
        contents: `import { startImportWorkerAhead } from './importWorkers.ts';
          startImportWorkerAhead(process.argv[2], 64);
          process.stdout.write('started');`,
        resolveDir: __dirname,
        loader: 'ts',
      },
      outfile: entry,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      logLevel: 'error',
    });
    // Without the unref the worker (which waits for a job) keeps it running until spawnSync's timeout kills it.
    const run = spawnSync(process.execPath, [entry, bundle.file], { encoding: 'utf8', timeout: 60_000 });
    expect(run.signal).toBeNull();
    expect({ status: run.status, out: run.stdout }).toEqual({ status: 0, out: 'started' });
  }, 70_000);
});

describe('bundledWorkerFile', () => {
  it('finds the worker next to the entry, preferring the copy unpacked beside app.asar', () => {
    const packed = path.join(bundle.dir, 'app.asar', 'dist', 'main');
    const unpacked = path.join(bundle.dir, 'app.asar.unpacked', 'dist', 'main');
    expect(bundledWorkerFile(packed)).toBeNull();
    fs.mkdirSync(packed, { recursive: true });
    fs.writeFileSync(path.join(packed, 'importWorker.cjs'), '');
    expect(bundledWorkerFile(packed)).toBe(path.join(packed, 'importWorker.cjs'));
    fs.mkdirSync(unpacked, { recursive: true });
    fs.writeFileSync(path.join(unpacked, 'importWorker.cjs'), '');
    expect(bundledWorkerFile(packed)).toBe(path.join(unpacked, 'importWorker.cjs'));
    expect(bundledWorkerFile(null)).toBeNull();
  });
});
