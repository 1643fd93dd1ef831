/**
 * The TMX readings `prepareTmxPrefill` starts ahead: offered a parsed document's paragraphs, taken
 * once, by file and source language, few and not for long, and never used for a text (and codes)
 * they were not asked for.
 */
import { describe, expect, it } from 'vitest';
import type { TmxReadAhead } from '../../import/tmxSourceIndexRunner.js';
import type { TmUnit } from '../../../shared/features/memoryApi.js';
import type { FillableParagraph } from '../../memory/exactFills.js';
import type { FillsReading } from '../../memory/tmxIndexFills.js';
import { TmxScanFallback } from '../../memory/tmxExactScan.js';
import { createPreparedTmxIndexes } from './tmxPrefillPrepared.js';

const EN_ES = { sourceLang: 'en', targetLang: 'es' };
const AT = '2026-12-05T00:00:00.000Z';

const unit = (target: string) => ({ target }) as TmUnit;
const para = (id: string, source: string, codes: FillableParagraph['codes'] = []): FillableParagraph => ({ id, source, codes });

/** Each reading fills every paragraph with its number and the paragraph's asked id; `log` tells what happened. */
function harness() {
  const log: string[] = [];
  let clock = 0;
  let started = 0;
  const start = (file: string, lang: string): TmxReadAhead => {
    const n = ++started;
    log.push(`start ${n} ${file} ${lang}`);
    return {
      fills(paragraphs, pair) {
        log.push(`ask ${n} ${pair.sourceLang}>${pair.targetLang} ${paragraphs.map((p) => p.source).join('|')}`);
        const matches = new Map(paragraphs.map((p) => [p.id, unit(`${n}:${p.id}`)]));
        return Promise.resolve({ matches, tus: n, parsed: 0, fast: true } satisfies FillsReading);
      },
      dispose: () => void log.push(`dispose ${n}`),
    };
  };
  const prepared = createPreparedTmxIndexes(start, () => clock);
  /** The targets each paragraph got, and from which reading (`tus`). */
  const got = async (reading: Promise<FillsReading>) => {
    const r = (await reading) as Exclude<FillsReading, TmxScanFallback>;
    return { tus: r.tus, targets: Object.fromEntries([...r.matches].map(([id, u]) => [id, u.target])) };
  };
  return { log, prepared, advance: (ms: number) => (clock += ms), got };
}

describe('prepared TMX readings', () => {
  it('reads the fills of a parsed document at once and hands them to its prefill, by text and codes', async () => {
    const { log, prepared, got } = harness();
    prepared.prepare('/m.tmx', 'en-US');
    const bold = [{ type: 'bold' }] as unknown as FillableParagraph['codes'];
    prepared.offer(EN_ES, [para('', 'One.'), para('', 'Two.'), para('', 'One.'), para('', 'Two.', bold)], AT); // en-US and en: the same source side
    expect(log).toEqual(['start 1 /m.tmx en-US', 'ask 1 en>es One.|Two.|Two.']);
    const fills = prepared.take('/m.tmx', EN_ES, AT);
    expect(await got(fills([para('p9', 'Two.', bold), para('p1', 'One.'), para('p2', 'One.')]))).toEqual({
      tus: 1,
      targets: { p9: '1:2', p1: '1:0', p2: '1:0' },
    });
    expect(log).toHaveLength(2); // nothing read again
  });

  it('asks at prefill time a reading no parsed document was offered to', async () => {
    const { log, prepared, got } = harness();
    prepared.prepare('/m.tmx', 'en');
    prepared.offer({ sourceLang: 'de', targetLang: 'es' }, [para('', 'Eins.')], AT); // another language: not offered
    expect(await got(prepared.take('/m.tmx', EN_ES, AT)([para('p1', 'One.')]))).toEqual({ tus: 1, targets: { p1: '1:p1' } });
    expect(log).toEqual(['start 1 /m.tmx en', 'ask 1 en>es One.']);
  });

  it('reads again for a text the offer did not have (other codes count), or another pair', async () => {
    const { log, prepared, got } = harness();
    prepared.prepare('/m.tmx', 'en');
    prepared.offer(EN_ES, [para('', 'One.')], AT);
    const italic = [{ type: 'italic' }] as unknown as FillableParagraph['codes'];
    expect((await got(prepared.take('/m.tmx', EN_ES, AT)([para('p1', 'One.', italic)]))).tus).toBe(2);
    expect(log).toEqual(['start 1 /m.tmx en', 'ask 1 en>es One.', 'dispose 1', 'start 2 /m.tmx en', 'ask 2 en>es One.']);
    prepared.prepare('/m.tmx', 'en');
    prepared.offer(EN_ES, [para('', 'One.')], AT);
    expect((await got(prepared.take('/m.tmx', { sourceLang: 'en', targetLang: 'fr' }, AT)([para('p1', 'One.')]))).tus).toBe(4);
  });

  it('is taken once, and not by another file or another source language', async () => {
    const { log, prepared, got } = harness();
    const one = [para('p1', 'One.')];
    prepared.prepare('/m.tmx', 'en');
    expect((await got(prepared.take('/other.tmx', EN_ES, AT)(one))).tus).toBe(2);
    expect((await got(prepared.take('/m.tmx', { sourceLang: 'de', targetLang: 'es' }, AT)(one))).tus).toBe(3);
    expect(prepared.size()).toBe(1);
    expect((await got(prepared.take('/m.tmx', EN_ES, AT)(one))).tus).toBe(1);
    expect((await got(prepared.take('/m.tmx', EN_ES, AT)(one))).tus).toBe(4);
    expect(log.filter((l) => l.startsWith('start'))).toHaveLength(4);
  });

  it('holds at most two readings, and none for more than ten minutes: dropped ones are stopped', async () => {
    const { log, prepared, advance, got } = harness();
    const one = [para('p1', 'One.')];
    prepared.prepare('/a.tmx', 'en');
    prepared.prepare('/b.tmx', 'en');
    prepared.prepare('/c.tmx', 'en');
    expect(prepared.size()).toBe(2);
    expect(log).toContain('dispose 1');
    expect((await got(prepared.take('/a.tmx', EN_ES, AT)(one))).tus).toBe(4); // dropped: read again
    advance(10 * 60_000 + 1);
    expect(prepared.size()).toBe(0);
    expect(log).toEqual(expect.arrayContaining(['dispose 2', 'dispose 3']));
    expect((await got(prepared.take('/b.tmx', EN_ES, AT)(one))).tus).toBe(5);
  });

  it('passes a failed reading on as the fallback it is', async () => {
    const failed = new TmxScanFallback('the worker stopped');
    const prepared = createPreparedTmxIndexes(() => ({ fills: () => Promise.resolve(failed), dispose: () => undefined }));
    prepared.prepare('/m.tmx', 'en');
    prepared.offer(EN_ES, [para('', 'One.')], AT);
    expect(await prepared.take('/m.tmx', EN_ES, AT)([para('p1', 'One.')])).toBe(failed);
  });
});
