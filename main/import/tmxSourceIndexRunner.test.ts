/**
 * A TMX file read ahead in the import worker (the bundled worker entry, as the app runs it): the
 * candidate units of the asked hashes, the same as in process; a file it cannot be sure of, one
 * that cannot be read or is broken, or a dropped reading resolves with the fallback (never rejects).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TmxScanFallback } from '../memory/tmxExactScan.js';
import { sourceHashesOf, tmxExactFills } from '../memory/tmxExactFills.js';
import type { CandidateUnits } from '../memory/tmxCandidateUnits.js';
import { NOW, PAIR, TRICKY, tmx, tu } from '../testing/tmxSamples.js';
import { useWorkerBundle } from './testing/workerBundle.js';
import { runTmxSourceIndex } from './tmxSourceIndexRunner.js';

const bundle = useWorkerBundle();

const paragraphsOf = (sources: readonly string[]) => sources.map((source, i) => ({ id: String(i), source, codes: [] }));

describe('runTmxSourceIndex', () => {
  it('reads in the worker the candidates read in process, and the fills are the real reader’s', async () => {
    const file = path.join(bundle.dir, 'memory.tmx');
    fs.writeFileSync(
      file,
      tmx([...TRICKY.map((c, i) => tu(c, `t${i}`)), ...Array.from({ length: 200 }, (_, i) => tu(`Noise ${i}.`, 'x'))].join('')),
    );
    const paragraphs = paragraphsOf(TRICKY.map((source) => source.replace(/<[^>]*>|&\w+;/g, '')));
    const hashes = sourceHashesOf(paragraphs.map((p) => p.source));
    const inWorker = await runTmxSourceIndex({ workerFile: bundle.file, heapMb: 64 }, file, 'en').candidates(hashes, PAIR, NOW);
    const inProcess = await runTmxSourceIndex({ workerFile: null, heapMb: 64 }, file, 'en').candidates(hashes, PAIR, NOW);
    expect(inWorker).not.toBeInstanceOf(TmxScanFallback);
    expect(inWorker).toEqual(inProcess);
    // Only candidates came back: the noise is not among them.
    const { units, tus } = inWorker as CandidateUnits;
    expect(tus).toBe(TRICKY.length + 200);
    expect(units.length).toBeLessThan(TRICKY.length + 10);
    const fast = await tmxExactFills(file, paragraphs, PAIR, NOW, { candidates: () => Promise.resolve(inWorker) });
    const full = await tmxExactFills(file, paragraphs, PAIR, NOW, { fast: false });
    expect(fast.fast).toBe(true);
    expect(fast.matches.size).toBeGreaterThan(3);
    expect(fast.matches).toEqual(full.matches);
  });

  it('resolves with the fallback and its reason for a doubtful, missing or broken file, in the worker and in process', async () => {
    const doubtful = path.join(bundle.dir, 'doubtful.tmx');
    fs.writeFileSync(doubtful, tmx(`${tu('a', 'b')}stray text`));
    const broken = path.join(bundle.dir, 'broken.tmx');
    fs.writeFileSync(
      broken,
      tmx(`${tu('Hello there.', 'Hola.')}<tu><tuv xml:lang="en"><seg>Hello there.</seg></tuv><tuv xml:lang="es"><seg>Hola</tuv></tu>`),
    );
    const hashes = sourceHashesOf(['a', 'Hello there.']);
    for (const workerFile of [bundle.file, null]) {
      const options = { workerFile, heapMb: 64 };
      const odd = await runTmxSourceIndex(options, doubtful, 'en').candidates(hashes, PAIR, NOW);
      expect((odd as TmxScanFallback).reason).toBe('something other than units in <body>');
      const missing = await runTmxSourceIndex(options, path.join(bundle.dir, 'none.tmx'), 'en').candidates(hashes, PAIR, NOW);
      expect((missing as TmxScanFallback).reason).toMatch(/ENOENT/);
      const damaged = await runTmxSourceIndex(options, broken, 'en').candidates(hashes, PAIR, NOW);
      expect(damaged).toBeInstanceOf(TmxScanFallback);
    }
  });

  it('is asked once; a reading dropped before or while it is asked gives the fallback', async () => {
    const file = path.join(bundle.dir, 'small.tmx');
    fs.writeFileSync(file, tmx(tu('One.', 'Uno.')));
    const hashes = sourceHashesOf(['One.']);
    const reading = runTmxSourceIndex({ workerFile: bundle.file, heapMb: 64 }, file, 'en');
    reading.dispose();
    expect(await reading.candidates(hashes, PAIR, NOW)).toEqual(new TmxScanFallback('the reading was dropped'));
    expect(() => reading.candidates(hashes, PAIR, NOW)).toThrow(/asked once/);
    const asked = runTmxSourceIndex({ workerFile: bundle.file, heapMb: 64 }, file, 'en');
    const pending = asked.candidates(hashes, PAIR, NOW);
    asked.dispose();
    expect(await pending).toBeInstanceOf(TmxScanFallback);
    const kept = await runTmxSourceIndex({ workerFile: bundle.file, heapMb: 64 }, file, 'en').candidates(hashes, PAIR, NOW);
    expect((kept as CandidateUnits).units.map((u) => u.target)).toEqual(['Uno.']);
  });
});
