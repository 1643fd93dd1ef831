/**
 * The index of a TMX file scanned by two threads (tmxIndexSplit.ts): always the index one thread
 * builds — the tail's units joined when the head reaches its start between units, the head
 * scanning on alone when the tail started inside something else, failed, or does not fit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDir } from '../testing/tempDir.js';
import { TRICKY, tmx, tu } from '../testing/tmxSamples.js';
import { TmxScanFallback } from './tmxExactScan.js';
import { tailStart, type TmxIndexTail } from './tmxIndexSplit.js';
import { buildTmxSourceIndex, buildTmxSourceIndexTail, type TmxSourceIndexOptions } from './tmxSourceIndex.js';

const dir = makeTempDir('verso-tmx-split-');
afterAll(() => removeTempDir(dir));

let files = 0;
const write = (text: string | Buffer): string => {
  const file = path.join(dir, `f${files++}.tmx`);
  fs.writeFileSync(file, text);
  return file;
};

const units = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) =>
    i % 7 === 3 ? tu(TRICKY[(from + i) % TRICKY.length]!, `t${i} é`) : tu(`Noise ${from + i} ñ.`, `Ruido ${i}.`),
  );

/** The split's tail as another thread gives it (null when it fails), and the middle's `<tu`. */
async function tailOf(file: string, options: TmxSourceIndexOptions): Promise<TmxIndexTail | null> {
  return buildTmxSourceIndexTail(file, 'en', options).catch((err: unknown) => {
    if (err instanceof TmxScanFallback) return null;
    throw err;
  });
}

const whereTail = (file: string): number | null => {
  const fd = fs.openSync(file, 'r');
  try {
    return tailStart(fd, fs.fstatSync(fd).size, 1);
  } finally {
    fs.closeSync(fd);
  }
};

/** The index by one thread, and by two, read in pieces of `chunkBytes`. */
async function bothWays(file: string, chunkBytes?: number) {
  const options = { splitMinBytes: 1, ...(chunkBytes ? { chunkBytes } : {}) };
  const one = await buildTmxSourceIndex(file, 'en', chunkBytes ? { chunkBytes } : {});
  const tail = await tailOf(file, options);
  const two = await buildTmxSourceIndex(file, 'en', { ...options, tail: Promise.resolve(tail) });
  return { one, two, tail };
}

describe('buildTmxSourceIndex split in two', () => {
  it('joins the tail scanned from the first <tu> after the middle: the index one thread builds, in pieces of any size', async () => {
    const file = write(tmx([...units(0, 120), '<!-- between, with <tu> in it -->\n', ...units(120, 121)].join('')));
    for (const size of [1, 2, 5, 13, 64, 1000, undefined]) {
      const { one, two, tail } = await bothWays(file, size);
      expect(tail, `pieces of ${size}`).not.toBeNull();
      expect(tail!.from).toBe(whereTail(file));
      expect(two.split).toBe(true);
      expect({ ...two, split: false }, `pieces of ${size}`).toEqual(one);
    }
    expect((await bothWays(file)).tail!.units).toBeGreaterThan(100);
  });

  it('takes the tail’s units when it fits (a tail made up shows in the index), not when it starts elsewhere or is of another file', async () => {
    const file = write(tmx(units(0, 200).join('')));
    const { one, tail } = await bothWays(file);
    const madeUp = { ...tail!, hashes: tail!.hashes.map((h) => h ^ 1) };
    const used = await buildTmxSourceIndex(file, 'en', { splitMinBytes: 1, tail: Promise.resolve(madeUp) });
    expect(used.hashes).not.toEqual(one.hashes);
    expect(used).toMatchObject({ units: one.units, split: true });
    for (const off of [{ from: madeUp.from + 1 }, { size: madeUp.size + 1 }, { mtimeMs: madeUp.mtimeMs - 1 }]) {
      const got = await buildTmxSourceIndex(file, 'en', { splitMinBytes: 1, tail: Promise.resolve({ ...madeUp, ...off }) });
      expect(got).toEqual(one);
    }
    expect(await buildTmxSourceIndex(file, 'en', { splitMinBytes: 1, tail: Promise.resolve(null) })).toEqual(one);
  });

  it('scans on alone when the middle’s <tu> is in a comment, a CDATA section or a segment’s comment', async () => {
    const before = units(0, 100).join('');
    const inside = [
      `<!-- ${'<tu>x</tu> '.repeat(100)} -->\n`,
      `<tu><tuv xml:lang="en"><seg>A <![CDATA[ ${'<tu x="1"> '.repeat(100)} ]]></seg></tuv><tuv xml:lang="es"><seg>B</seg></tuv></tu>\n`,
      `<tu><tuv xml:lang="en"><seg>C<!-- ${'<tu>'.repeat(250)} --></seg></tuv><tuv xml:lang="es"><seg>D</seg></tuv></tu>\n`,
    ];
    for (const odd of inside) {
      // After the odd part, as many bytes as before its middle: the file's middle falls in it.
      const head = tmx('').indexOf('</body>');
      const wanted = head + before.length + odd.length / 2 - (tmx('').length - head) - odd.length / 2;
      let after = '';
      for (let i = 100; after.length < wanted; i++) after += units(i, 1)[0];
      const file = write(tmx(`${before}${odd}${after}`));
      const oddAt = head + before.length;
      const from = whereTail(file)!;
      expect(from > oddAt && from < oddAt + odd.length, 'the middle’s <tu> is in the odd part').toBe(true);
      for (const size of [3, 100, undefined]) {
        const { one, two } = await bothWays(file, size);
        expect(two, `pieces of ${size}`).toEqual(one);
      }
    }
  });

  it('a file the scan is not sure of falls back the same way, whichever half is odd', async () => {
    const cases = [
      tmx(`${units(0, 50).join('')}stray text${units(50, 150).join('')}`),
      tmx(`${units(0, 150).join('')}stray text${units(150, 50).join('')}`),
      tmx(`${units(0, 150).join('')}<tu><tuv xml:lang="en"><seg>cut`),
      tmx(`${units(0, 150).join('')}${tu('a', 'b').replace('</tu>', '</tu x="1">')}${units(150, 50).join('')}`),
      Buffer.concat([Buffer.from(tmx(units(0, 150).join(''))), Buffer.from([0xc3, 0x28]), Buffer.from(tmx(units(0, 50).join('')))]),
    ];
    for (const c of cases) {
      const file = write(c);
      for (const chunkBytes of [7, 4096]) {
        const tail = await tailOf(file, { splitMinBytes: 1, chunkBytes });
        await expect(buildTmxSourceIndex(file, 'en', { chunkBytes })).rejects.toThrow(TmxScanFallback);
        await expect(buildTmxSourceIndex(file, 'en', { chunkBytes, splitMinBytes: 1, tail: Promise.resolve(tail) })).rejects.toThrow(
          TmxScanFallback,
        );
      }
    }
  });

  it('does not split a small file, nor one with no <tu> near its middle', async () => {
    const file = write(tmx(units(0, 50).join('')));
    const fd = fs.openSync(file, 'r');
    try {
      expect(tailStart(fd, fs.fstatSync(fd).size)).toBeNull();
      expect(tailStart(fd, fs.fstatSync(fd).size, 1)).not.toBeNull();
    } finally {
      fs.closeSync(fd);
    }
    await expect(buildTmxSourceIndexTail(file, 'en')).rejects.toThrow(TmxScanFallback);
    const comment = write(tmx(`${tu('a', 'b')}<!-- ${'x'.repeat(3_000_000)} -->${tu('c', 'd')}`));
    expect(whereTail(comment)).toBeNull();
  });
});
