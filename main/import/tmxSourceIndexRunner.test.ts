/**
 * A TMX file read ahead in the import worker (the bundled worker entry, as the app runs it): the
 * fills of the asked paragraphs, the same as in process and as the real reader's; a file it cannot be sure of, one
 * that cannot be read or is broken, or a dropped reading resolves with the fallback (never rejects).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TmxScanFallback } from '../memory/tmxExactScan.js';
import { tmxExactFills, type TmxFillsResult } from '../memory/tmxExactFills.js';
import { NOW, PAIR, TRICKY, tmx, tu } from '../testing/tmxSamples.js';
import { useWorkerBundle } from './testing/workerBundle.js';
import { runTmxSourceIndex } from './tmxSourceIndexRunner.js';

const bundle = useWorkerBundle();

const paragraphsOf = (sources: readonly string[]) => sources.map((source, i) => ({ id: String(i), source, codes: [] }));

describe('runTmxSourceIndex', () => {
  it('reads in the worker the fills read in process, the real reader’s, and sends back only the matches', async () => {
    const file = path.join(bundle.dir, 'memory.tmx');
    fs.writeFileSync(
      file,
      tmx([...TRICKY.map((c, i) => tu(c, `t${i}`)), ...Array.from({ length: 200 }, (_, i) => tu(`Noise ${i}.`, 'x'))].join('')),
    );
    const paragraphs = paragraphsOf(TRICKY.map((source) => source.replace(/<[^>]*>|&\w+;/g, '')));
    const inWorker = await runTmxSourceIndex({ workerFile: bundle.file, heapMb: 64 }, file, 'en').fills(paragraphs, PAIR, NOW);
    const inProcess = await runTmxSourceIndex({ workerFile: null, heapMb: 64 }, file, 'en').fills(paragraphs, PAIR, NOW);
    const full = await tmxExactFills(file, paragraphs, PAIR, NOW, { fast: false });
    expect(inWorker).not.toBeInstanceOf(TmxScanFallback);
    expect(inWorker).toEqual(inProcess);
    const { matches, tus, parsed, fast } = inWorker as TmxFillsResult;
    expect(fast).toBe(true);
    expect(tus).toBe(TRICKY.length + 200);
    // Only candidates went through the real reader: not the noise.
    expect(parsed).toBeLessThan(TRICKY.length + 10);
    expect(matches.size).toBeGreaterThan(3);
    expect(matches).toEqual(full.matches);
  });

  it('resolves with the fallback and its reason for a doubtful, missing or broken file, in the worker and in process', async () => {
    const doubtful = path.join(bundle.dir, 'doubtful.tmx');
    fs.writeFileSync(doubtful, tmx(`${tu('a', 'b')}stray text`));
    const broken = path.join(bundle.dir, 'broken.tmx');
    fs.writeFileSync(
      broken,
      tmx(`${tu('Hello there.', 'Hola.')}<tu><tuv xml:lang="en"><seg>Hello there.</seg></tuv><tuv xml:lang="es"><seg>Hola</tuv></tu>`),
    );
    const paragraphs = paragraphsOf(['a', 'Hello there.']);
    for (const workerFile of [bundle.file, null]) {
      const options = { workerFile, heapMb: 64 };
      const odd = await runTmxSourceIndex(options, doubtful, 'en').fills(paragraphs, PAIR, NOW);
      expect((odd as TmxScanFallback).reason).toBe('something other than units in <body>');
      const missing = await runTmxSourceIndex(options, path.join(bundle.dir, 'none.tmx'), 'en').fills(paragraphs, PAIR, NOW);
      expect((missing as TmxScanFallback).reason).toMatch(/ENOENT/);
      const damaged = await runTmxSourceIndex(options, broken, 'en').fills(paragraphs, PAIR, NOW);
      expect(damaged).toBeInstanceOf(TmxScanFallback);
    }
  });

  it('is asked once; a reading dropped before or while it is asked gives the fallback', async () => {
    const file = path.join(bundle.dir, 'small.tmx');
    fs.writeFileSync(file, tmx(tu('One.', 'Uno.')));
    const paragraphs = paragraphsOf(['One.']);
    const reading = runTmxSourceIndex({ workerFile: bundle.file, heapMb: 64 }, file, 'en');
    reading.dispose();
    expect(await reading.fills(paragraphs, PAIR, NOW)).toEqual(new TmxScanFallback('the reading was dropped'));
    expect(() => reading.fills(paragraphs, PAIR, NOW)).toThrow(/asked once/);
    const asked = runTmxSourceIndex({ workerFile: bundle.file, heapMb: 64 }, file, 'en');
    const pending = asked.fills(paragraphs, PAIR, NOW);
    asked.dispose();
    expect(await pending).toBeInstanceOf(TmxScanFallback);
    const kept = await runTmxSourceIndex({ workerFile: bundle.file, heapMb: 64 }, file, 'en').fills(paragraphs, PAIR, NOW);
    expect((kept as TmxFillsResult).matches.get('0')?.target).toBe('Uno.');
  });
});
