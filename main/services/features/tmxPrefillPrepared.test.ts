/** The TMX readings `prepareTmxPrefill` starts ahead: taken once, by file and source language, few and not for long. */
import { describe, expect, it } from 'vitest';
import { TmxScanFallback } from '../../memory/tmxExactScan.js';
import type { TmxSourceIndex } from '../../memory/tmxSourceIndex.js';
import { createPreparedTmxIndexes } from './tmxPrefillPrepared.js';

function harness() {
  const reads: string[] = [];
  let clock = 0;
  const read = (file: string, lang: string) => {
    reads.push(`${file} ${lang}`);
    return Promise.resolve({ units: reads.length } as unknown as TmxSourceIndex);
  };
  const prepared = createPreparedTmxIndexes(read, () => clock);
  return { reads, prepared, advance: (ms: number) => (clock += ms) };
}

describe('prepared TMX readings', () => {
  it('hands a prepared reading to the first prefill of the same file and language, and reads again after', async () => {
    const { reads, prepared } = harness();
    prepared.prepare('/m.tmx', 'en-US');
    expect(await prepared.take('/m.tmx', 'en')).toEqual({ units: 1 }); // en-US and en: the same source side
    expect(reads).toEqual(['/m.tmx en-US']);
    expect(await prepared.take('/m.tmx', 'en')).toEqual({ units: 2 });
    expect(reads).toHaveLength(2);
  });

  it('does not hand a reading to another file or another source language', async () => {
    const { reads, prepared } = harness();
    prepared.prepare('/m.tmx', 'en');
    await prepared.take('/other.tmx', 'en');
    await prepared.take('/m.tmx', 'de');
    expect(reads).toEqual(['/m.tmx en', '/other.tmx en', '/m.tmx de']);
    expect(prepared.size()).toBe(1);
  });

  it('holds at most two readings, and none for more than ten minutes', async () => {
    const { reads, prepared, advance } = harness();
    prepared.prepare('/a.tmx', 'en');
    prepared.prepare('/b.tmx', 'en');
    prepared.prepare('/c.tmx', 'en');
    expect(prepared.size()).toBe(2);
    await prepared.take('/a.tmx', 'en'); // dropped: read again
    expect(reads).toHaveLength(4);
    advance(10 * 60_000 + 1);
    expect(prepared.size()).toBe(0);
    await prepared.take('/b.tmx', 'en');
    expect(reads).toHaveLength(5);
  });

  it('turns a reading that failed into a reason to read the whole file, never a rejection', async () => {
    const prepared = createPreparedTmxIndexes(() => Promise.reject(new Error('the worker stopped')));
    prepared.prepare('/m.tmx', 'en');
    const got = await prepared.take('/m.tmx', 'en');
    expect(got).toBeInstanceOf(TmxScanFallback);
    expect((got as TmxScanFallback).message).toContain('the worker stopped');
  });
});
