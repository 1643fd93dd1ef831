/**
 * The TMX readings `prepareTmxPrefill` starts ahead: offered a parsed document's paragraphs, taken
 * once, by file and source language, few and not for long, and never used for paragraphs they
 * were not asked for.
 */
import { describe, expect, it } from 'vitest';
import type { TmxReadAhead } from '../../import/tmxSourceIndexRunner.js';
import type { CandidateReading } from '../../memory/tmxCandidateUnits.js';
import { sourceHashesOf } from '../../memory/tmxExactFills.js';
import { TmxScanFallback } from '../../memory/tmxExactScan.js';
import { createPreparedTmxIndexes } from './tmxPrefillPrepared.js';

const EN_ES = { sourceLang: 'en', targetLang: 'es' };
const AT = '2026-12-05T00:00:00.000Z';

/** Each reading answers with its number and what it was asked; `log` tells what happened. */
function harness() {
  const log: string[] = [];
  let clock = 0;
  let started = 0;
  const start = (file: string, lang: string): TmxReadAhead => {
    const n = ++started;
    log.push(`start ${n} ${file} ${lang}`);
    return {
      candidates(hashes, pair) {
        log.push(`ask ${n} ${pair.sourceLang}>${pair.targetLang} ${hashes.size}`);
        return Promise.resolve({ units: [], tus: n } satisfies CandidateReading);
      },
      dispose: () => void log.push(`dispose ${n}`),
    };
  };
  const prepared = createPreparedTmxIndexes(start, () => clock);
  const tusOf = async (reading: Promise<CandidateReading>) => ((await reading) as { tus: number }).tus;
  return { log, prepared, advance: (ms: number) => (clock += ms), tusOf };
}

describe('prepared TMX readings', () => {
  it('reads the candidates of a parsed document at once and hands them to its prefill', async () => {
    const { log, prepared, tusOf } = harness();
    prepared.prepare('/m.tmx', 'en-US');
    prepared.offer(EN_ES, ['One.', 'Two.', '   '], AT); // en-US and en: the same source side
    expect(log).toEqual(['start 1 /m.tmx en-US', 'ask 1 en>es 2']);
    const candidates = prepared.take('/m.tmx', EN_ES, AT);
    expect(await tusOf(candidates(sourceHashesOf(['Two.'])))).toBe(1);
    expect(log).toHaveLength(2); // nothing read again
  });

  it('asks at prefill time a reading no parsed document was offered to', async () => {
    const { log, prepared, tusOf } = harness();
    prepared.prepare('/m.tmx', 'en');
    prepared.offer({ sourceLang: 'de', targetLang: 'es' }, ['Eins.'], AT); // another language: not offered
    expect(await tusOf(prepared.take('/m.tmx', EN_ES, AT)(sourceHashesOf(['One.'])))).toBe(1);
    expect(log).toEqual(['start 1 /m.tmx en', 'ask 1 en>es 1']);
  });

  it('reads again for paragraphs the offer did not cover, or another pair', async () => {
    const { log, prepared, tusOf } = harness();
    prepared.prepare('/m.tmx', 'en');
    prepared.offer(EN_ES, ['One.'], AT);
    expect(await tusOf(prepared.take('/m.tmx', EN_ES, AT)(sourceHashesOf(['One.', 'Other.'])))).toBe(2);
    expect(log).toEqual(['start 1 /m.tmx en', 'ask 1 en>es 1', 'dispose 1', 'start 2 /m.tmx en', 'ask 2 en>es 2']);
    prepared.prepare('/m.tmx', 'en');
    prepared.offer(EN_ES, ['One.'], AT);
    expect(await tusOf(prepared.take('/m.tmx', { sourceLang: 'en', targetLang: 'fr' }, AT)(sourceHashesOf(['One.'])))).toBe(4);
  });

  it('is taken once, and not by another file or another source language', async () => {
    const { log, prepared, tusOf } = harness();
    prepared.prepare('/m.tmx', 'en');
    expect(await tusOf(prepared.take('/other.tmx', EN_ES, AT)(new Set([1])))).toBe(2);
    expect(await tusOf(prepared.take('/m.tmx', { sourceLang: 'de', targetLang: 'es' }, AT)(new Set([1])))).toBe(3);
    expect(prepared.size()).toBe(1);
    expect(await tusOf(prepared.take('/m.tmx', EN_ES, AT)(new Set([1])))).toBe(1);
    expect(await tusOf(prepared.take('/m.tmx', EN_ES, AT)(new Set([1])))).toBe(4);
    expect(log.filter((l) => l.startsWith('start'))).toHaveLength(4);
  });

  it('holds at most two readings, and none for more than ten minutes: dropped ones are stopped', async () => {
    const { log, prepared, advance, tusOf } = harness();
    prepared.prepare('/a.tmx', 'en');
    prepared.prepare('/b.tmx', 'en');
    prepared.prepare('/c.tmx', 'en');
    expect(prepared.size()).toBe(2);
    expect(log).toContain('dispose 1');
    expect(await tusOf(prepared.take('/a.tmx', EN_ES, AT)(new Set([1])))).toBe(4); // dropped: read again
    advance(10 * 60_000 + 1);
    expect(prepared.size()).toBe(0);
    expect(log).toEqual(expect.arrayContaining(['dispose 2', 'dispose 3']));
    expect(await tusOf(prepared.take('/b.tmx', EN_ES, AT)(new Set([1])))).toBe(5);
  });

  it('passes a failed reading on as the fallback it is', async () => {
    const failed = new TmxScanFallback('the worker stopped');
    const prepared = createPreparedTmxIndexes(() => ({ candidates: () => Promise.resolve(failed), dispose: () => undefined }));
    prepared.prepare('/m.tmx', 'en');
    prepared.offer(EN_ES, ['One.'], AT);
    expect(await prepared.take('/m.tmx', EN_ES, AT)(sourceHashesOf(['One.']))).toBe(failed);
  });
});
