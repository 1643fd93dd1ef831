/** Runs against the real Apertium (apertium-eng-spa is installed on the development machine). */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../core/serviceError.js';
import { createApertiumEngine } from './apertium.js';
import { matchPair } from './mtEngine.js';
import { apertiumEngSpaInstalled } from '../testing/apertiumInstalled.js';

const EN_ES = { source: 'en', target: 'es' };

const installed = apertiumEngSpaInstalled('the real-engine tests');

describe.runIf(installed)('Apertium engine (real)', () => {
  it('discovers the installed pairs and the language data version', async () => {
    const engine = createApertiumEngine();
    const d = await engine.describe(EN_ES);
    expect(d.available).toBe(true);
    expect(d.unavailableReason).toBeNull();
    expect(d.pairs).toContainEqual(EN_ES);
    expect(d.pairs).toContainEqual({ source: 'es', target: 'en' });
    // spa-eng_US is es → en-US (issue 14: regional tags); an es-MX → en-US document uses it (BCP 47 lookup).
    expect(d.pairs).toContainEqual({ source: 'es', target: 'en-US' });
    expect(matchPair(d.pairs, { source: 'es-MX', target: 'en-US' })).toEqual({ source: 'es', target: 'en-US' });
    expect(matchPair(d.pairs, { source: 'en-US', target: 'es-MX' })).toEqual(EN_ES);
    expect(matchPair(d.pairs, { source: 'en-US', target: 'pt-BR' })).toBeNull();
    const dpkg = execFileSync('dpkg-query', ['-W', '-f=${Version}', 'apertium-eng-spa'], { encoding: 'utf8' });
    expect(d.version).toContain(`apertium-eng-spa ${dpkg}`);
  });

  it('translates and marks unknown words', async () => {
    const engine = createApertiumEngine();
    const out = await engine.translateBatch(['Hello world.', 'The Chinese e-commerce giant Alibaba denied a report.'], EN_ES, {
      signal: new AbortController().signal,
    });
    expect(out[0]).toEqual({ text: 'Hola Mundo.', unknownWords: [] });
    expect(out[1]!.text).toBe('El gigante de comercio electrónico chino Alibaba negó un informe.');
    expect(out[1]!.unknownWords).toEqual(['Alibaba']);
  });

  it('keeps exact paragraph boundaries with blank lines, brackets, backslashes and asterisks inside', async () => {
    const engine = createApertiumEngine();
    const texts = [
      'First line.\n\nSecond line after a blank line.',
      'A [bracketed] note and a back\\slash.',
      '*Breaking* news: 5 * 3 = 15 #update',
      'Write to desk@example.org or see https://example.org/a_b.',
      'Tabs\there and  two spaces.',
      'The dog.',
    ];
    const out = await engine.translateBatch(texts, EN_ES, { signal: new AbortController().signal });
    expect(out).toHaveLength(texts.length);
    expect(out[0]!.text).toContain('\n\n');
    expect(out[0]!.text.split('\n\n')).toHaveLength(2);
    expect(out[1]!.text).toMatch(/\[.*\]/);
    expect(out[1]!.text).toContain('\\');
    expect(out[2]!.text.match(/\*/g)).toHaveLength(3);
    expect(out[2]!.text).toContain('#');
    expect(out[2]!.unknownWords).not.toContain('');
    expect(out[3]!.text).toContain('desk@example.org');
    expect(out[3]!.text).toContain('https://example.org/a_b');
    expect(out[4]!.text).toContain('\t');
    expect(out[4]!.text).toContain('  ');
    expect(out[5]!.text).toBe('El perro.');
  });

  it('translates 30+ paragraphs in a few processes (not one per paragraph) and reports each as it arrives', async () => {
    const engine = createApertiumEngine();
    const texts = Array.from({ length: 35 }, (_, i) => (i % 2 === 0 ? `The house number ${i}.` : `I have ${i} dogs.`));
    const seen: number[] = [];
    const before = { ...engine.stats };
    const out = await engine.translateBatch(texts, EN_ES, {
      signal: new AbortController().signal,
      onResult: (index, output) => {
        seen.push(index);
        expect(output.text).toContain(String(index));
      },
    });
    // Analysis, generation and a few taggers: one pristine, one per class the model lacks that
    // starts a sentence's dependence on the tagger's state ("I have 3 dogs": the model lacks the
    // class of "I", see apertiumTaggerState.ts). Never one per paragraph.
    const taggers = engine.stats.taggersStarted - before.taggersStarted;
    const spawned = engine.stats.processesSpawned - before.processesSpawned;
    // Node spawns three: analysis, generation and the shell that starts the taggers.
    expect(spawned).toBe(3);
    expect(taggers).toBeGreaterThanOrEqual(1);
    expect(taggers).toBeLessThanOrEqual(4);
    expect([...seen].sort((a, b) => a - b)).toEqual(texts.map((_, i) => i));
    expect(out).toHaveLength(35);
    out.forEach((o, i) => expect(o.text).toContain(String(i)));
    expect(out[0]!.text).toMatch(/casa/i);
    expect(out[1]!.text).toMatch(/perros/i);
  });

  it('cancels: the pipeline is killed and the promise rejects with the abort reason', async () => {
    const engine = createApertiumEngine();
    const texts = Array.from({ length: 3000 }, (_, i) => `This is sentence number ${i} about the economy of the country.`);
    const controller = new AbortController();
    let results = 0;
    const promise = engine.translateBatch(texts, EN_ES, {
      signal: controller.signal,
      onResult: () => {
        results++;
        if (results === 5) controller.abort(new Error('stop'));
      },
    });
    await expect(promise).rejects.toThrow('stop');
    expect(results).toBeGreaterThanOrEqual(5);
    expect(results).toBeLessThan(texts.length);
  });

  it('keeps the pipeline running between batches; a batch that comes while it is busy gets its own', async () => {
    const engine = createApertiumEngine();
    const signal = new AbortController().signal;
    const first = await engine.translateBatch(['The house is red.', 'I have two dogs.'], EN_ES, { signal });
    expect(engine.idleProcesses()).toBeGreaterThan(2);
    const spawned = engine.stats.processesSpawned;
    const again = await engine.translateBatch(['The house is red.', 'I have two dogs.'], EN_ES, { signal });
    expect(again).toEqual(first);
    expect(engine.stats.processesSpawned).toBe(spawned);
    // Two at once: one on the kept pipeline, one on a pipeline of its own; both right.
    const texts = Array.from({ length: 20 }, (_, i) => `The house number ${i} is red.`);
    const alone = await engine.translateBatch(texts, EN_ES, { signal });
    const [a, b] = await Promise.all([
      engine.translateBatch(texts, EN_ES, { signal }),
      engine.translateBatch(['I have two dogs.'], EN_ES, { signal }),
    ]);
    expect(a).toEqual(alone);
    a.forEach((o, i) => expect(o.text).toMatch(new RegExp(`casa ${i} es rojo|casa número ${i}`)));
    expect(b).toEqual([first[1]]);
    engine.close();
    expect(engine.idleProcesses()).toBe(0);
  });

  it('after a cancel, the next batch starts a new pipeline and translates', async () => {
    const engine = createApertiumEngine();
    const controller = new AbortController();
    const texts = Array.from({ length: 2000 }, (_, i) => `This is sentence number ${i}.`);
    let seen = 0;
    const cancelled = engine.translateBatch(texts, EN_ES, {
      signal: controller.signal,
      onResult: () => {
        if (++seen === 3) controller.abort(new Error('stop'));
      },
    });
    await expect(cancelled).rejects.toThrow('stop');
    expect(engine.idleProcesses()).toBe(0);
    const out = await engine.translateBatch(['The house is red.'], EN_ES, { signal: new AbortController().signal });
    expect(out[0]!.text).toBe('La casa es roja.');
    engine.close();
  });

  it('keeps the words that narrow the tagger across restarts, so a new engine routes right at once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verso-apertium-'));
    const file = path.join(dir, 'words.json');
    const texts = [
      'The house is red.',
      'The software is included here, and I have two dogs.',
      'Nothing from Zorblax is included in this paragraph.',
      'I have three dogs.',
    ];
    const signal = new AbortController().signal;
    const first = createApertiumEngine({ knownWordsFile: file });
    const out = await first.translateBatch(texts, EN_ES, { signal });
    first.close();
    expect(first.stats.retagged).toBeGreaterThan(0);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, [string, string][]>;
    expect(saved['eng-spa']?.map(([word]) => word)).toContain('included');

    const second = createApertiumEngine({ knownWordsFile: file });
    expect(await second.translateBatch(texts, EN_ES, { signal })).toEqual(out);
    expect(second.stats.retagged).toBe(0);
    second.close();

    // A damaged file is ignored: the engine learns again, and translates the same.
    fs.writeFileSync(file, '{"eng-spa": [["included"]], "x": 3');
    const third = createApertiumEngine({ knownWordsFile: file });
    expect(await third.translateBatch(texts, EN_ES, { signal })).toEqual(out);
    third.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rejects a pair it does not have', async () => {
    const engine = createApertiumEngine();
    const err = await engine
      .translateBatch(['x'], { source: 'en', target: 'ja' }, { signal: new AbortController().signal })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).code).toBe('ENGINE_PAIR_UNSUPPORTED');
  });
});

describe('Apertium engine (not installed)', () => {
  it('reports itself unavailable instead of failing', async () => {
    const engine = createApertiumEngine({ command: 'verso-no-such-apertium' });
    const d = await engine.describe();
    expect(d).toMatchObject({ available: false, unavailableReason: 'ENGINE_UNAVAILABLE', pairs: [] });
    const err = await engine.translateBatch(['x'], EN_ES, { signal: new AbortController().signal }).catch((e: unknown) => e);
    expect((err as ServiceError).code).toBe('ENGINE_UNAVAILABLE');
  });
});
