/**
 * The index of a TMX file's source segments built in the import worker (the bundled worker entry,
 * as the app runs it): the same index as in process, its arrays transferred; a file it cannot be
 * sure of, or one that cannot be read, resolves with the fallback (never rejects).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TmxScanFallback } from '../memory/tmxExactScan.js';
import { tmxExactFills } from '../memory/tmxExactFills.js';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { NOW, PAIR, TRICKY, tmx, tu } from '../testing/tmxSamples.js';
import { buildWorkerBundle } from './testing/workerBundle.js';
import { runTmxSourceIndex } from './tmxSourceIndexRunner.js';

let dir: string;
let workerFile: string;

beforeAll(async () => {
  dir = makeTempDir();
  workerFile = await buildWorkerBundle(dir);
}, 60_000);
afterAll(() => removeTempDir(dir));

describe('runTmxSourceIndex', () => {
  it('builds in the worker the index built in process, and the fills are the real reader’s', async () => {
    const file = path.join(dir, 'memory.tmx');
    fs.writeFileSync(
      file,
      tmx([...TRICKY.map((c, i) => tu(c, `t${i}`)), ...Array.from({ length: 200 }, (_, i) => tu(`Noise ${i}.`, 'x'))].join('')),
    );
    const inWorker = await runTmxSourceIndex({ workerFile, heapMb: 64 }, file, 'en');
    const inProcess = await runTmxSourceIndex({ workerFile: null, heapMb: 64 }, file, 'en');
    expect(inWorker).not.toBeInstanceOf(TmxScanFallback);
    expect(inWorker).toEqual(inProcess);
    const paragraphs = TRICKY.map((source, i) => ({ id: String(i), source: source.replace(/<[^>]*>|&\w+;/g, ''), codes: [] }));
    const fast = await tmxExactFills(file, paragraphs, PAIR, NOW, { index: Promise.resolve(inWorker) });
    const full = await tmxExactFills(file, paragraphs, PAIR, NOW, { fast: false });
    expect(fast.fast).toBe(true);
    expect(fast.matches.size).toBeGreaterThan(3);
    expect(fast.matches).toEqual(full.matches);
  });

  it('resolves with the fallback and its reason for a doubtful or missing file, in the worker and in process', async () => {
    const doubtful = path.join(dir, 'doubtful.tmx');
    fs.writeFileSync(doubtful, tmx(`${tu('a', 'b')}stray text`));
    for (const workerFile_ of [workerFile, null]) {
      const options = { workerFile: workerFile_, heapMb: 64 };
      const odd = await runTmxSourceIndex(options, doubtful, 'en');
      expect(odd).toBeInstanceOf(TmxScanFallback);
      expect((odd as TmxScanFallback).reason).toBe('something other than units in <body>');
      const missing = await runTmxSourceIndex(options, path.join(dir, 'none.tmx'), 'en');
      expect(missing).toBeInstanceOf(TmxScanFallback);
      expect((missing as TmxScanFallback).reason).toMatch(/ENOENT/);
    }
  });
});
