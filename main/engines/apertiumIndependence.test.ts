/**
 * Each paragraph's MT must not depend on the paragraphs before it in a batch (the MT cache relies
 * on it). Real Apertium, over the reference article and more English text from this system
 * (Debian's common licences, shipped by the essential package base-files), plus paragraphs full of
 * blank lines, markup and Apertium's own stream syntax.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apertiumEngSpaInstalled } from '../testing/apertiumInstalled.js';
import { referenceArticleBody } from '../testing/referenceArticle.js';
import { createApertiumEngine } from './apertium.js';
import { deformat, reformat } from './apertiumFormat.js';
import { splitAtTagger, splitStages, stripTaggerReports } from './apertiumPipeline.js';
import { runApertium } from './apertiumSession.js';
import type { MtOutput } from './mtEngine.js';

const EN_ES = { source: 'en', target: 'es' };
const LICENCES = ['/usr/share/common-licenses/GPL-3', '/usr/share/common-licenses/Apache-2.0', '/usr/share/common-licenses/GPL-2'];

function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** Paragraphs that contain the engine's own separators, markup and blank lines. */
const TRICKY = [
  'First line.\n\nSecond line after a blank line.\n\n\nThird after two.',
  'A <b>bold</b> claim and <a href="https://example.org/x">a link</a>.',
  'Stream syntax: ^word<n><sg>$ and [superblank] and {braces} and .[] at the end.[]',
  'A NUL\0inside and a form feed\fhere.',
  'Escapes: \\n is not a newline, \\[ is not a bracket, and C:\\path\\to\\file.',
  '*Unknown* #hash ~tilde @at / slash',
  '   Leading and trailing spaces.   ',
  'He said it was “unfamiliar” with the case.',
  'The house is red.',
];

function uniqueParagraphs(): string[] {
  const texts = [referenceArticleBody(), ...LICENCES.map((f) => fs.readFileSync(f, 'utf8'))];
  return [...new Set([...texts.flatMap(paragraphsOf), ...TRICKY])];
}

/** The mode's whole null-flush pipeline, as Apertium itself runs it. */
function unsplitPipeline(mode = 'eng-spa'): string {
  return execFileSync('apertium-wblank-mode', ['-z', `/usr/share/apertium/modes/${mode}.mode`], { encoding: 'utf8' }).trim();
}

/**
 * The ground truth: each paragraph alone, through the mode's unsplit pipeline in processes of its
 * own (so every stage, the tagger included, starts fresh), `concurrency` at a time.
 */
async function aloneEach(texts: readonly string[], concurrency: number, mode = 'eng-spa'): Promise<MtOutput[]> {
  const pipeline = unsplitPipeline(mode);
  const out: MtOutput[] = new Array<MtOutput>(texts.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < texts.length) {
        const i = next++;
        await runApertium({
          parts: null,
          pipeline,
          blocks: [deformat(texts[i]!)],
          signal: new AbortController().signal,
          stats: { processesSpawned: 0, taggersStarted: 0, retagged: 0 },
          onOutput: (_index, block) => (out[i] = reformat(block)),
        });
      }
    }),
  );
  return out;
}

describe('Apertium pipeline parts', () => {
  it('splits a pipeline around its tagger, outside quotes', () => {
    const p = "lt-proc -z 'a|b.bin' | apertium-tagger -z -g $2 'x.prob' | apertium-pretransfer -z | lt-proc -z $1 'g.bin'";
    expect(splitStages(p)).toEqual([
      "lt-proc -z 'a|b.bin'",
      "apertium-tagger -z -g $2 'x.prob'",
      'apertium-pretransfer -z',
      "lt-proc -z $1 'g.bin'",
    ]);
    expect(splitAtTagger(p)).toEqual({
      pre: "lt-proc -z 'a|b.bin'",
      tagger: "apertium-tagger -d -z -g $2 'x.prob'",
      post: "apertium-pretransfer -z | lt-proc -z $1 'g.bin'",
      model: 'hmm',
    });
    expect(splitAtTagger("lt-proc -z a.bin | apertium-tagger -z -g --perceptron $2 'x.prob' | lt-proc -z b.bin")?.model).toBe('other');
    expect(splitAtTagger("lt-proc -z a.bin | apertium-tagger -z -g -w 'x.prob' | lt-proc -z b.bin")?.model).toBe('other');
    expect(splitAtTagger('lt-proc -z a.bin | lt-proc -z -g b.bin')).toBeNull();
  });

  it("removes the tagger's reports and returns the words and classes they name", () => {
    const report =
      "Error: A new ambiguity class was found. \nRetraining the tagger is necessary so as to take it into account.\nWord 'included'.\nNew ambiguity class: {ADV,ADJ,VLEXPP,PAST}\n";
    expect(stripTaggerReports(`^a<det>$ ${report}^b<n>$`)).toEqual({
      text: '^a<det>$ ^b<n>$',
      reports: [{ word: 'included', cls: '{ADV,ADJ,VLEXPP,PAST}' }],
    });
    expect(stripTaggerReports("^a<det>$ Problem with word 'x' {N}\n^b<n>$")).toEqual({ text: '^a<det>$ ^b<n>$', reports: [] });
    // As apertium-tagger 3.8 prints it for `^word<n><sg>$` typed into a text.
    const warning =
      "Warning: There is not coarse tag for the fine tag '$' of '$'\n         This is because of an incomplete tagset definition or a dictionary error\n";
    expect(stripTaggerReports(`^a<det>$ ^word${warning}<n><sg>$`)).toEqual({ text: '^a<det>$ ^word<n><sg>$', reports: [] });
    expect(stripTaggerReports('^a<det>$ ^b<n>$')).toEqual({ text: '^a<det>$ ^b<n>$', reports: [] });
  });
});

const installed = apertiumEngSpaInstalled('the Apertium independence tests');

describe.runIf(installed)('Apertium: a paragraph translates the same in a batch as alone (real engine)', () => {
  const texts = uniqueParagraphs();

  it('holds for the reference article, three licences and tricky paragraphs, in one batch', async () => {
    expect(texts.length).toBeGreaterThan(200);
    const engine = createApertiumEngine();
    const batch = await engine.translateBatch(texts, EN_ES, { signal: new AbortController().signal });
    // This text does make the taggers narrow their state (several taggers, some sentences tagged
    // again), and still takes a few taggers, not one per paragraph.
    expect(engine.stats.taggersStarted).toBeGreaterThan(1);
    expect(engine.stats.retagged).toBeGreaterThan(0);
    expect(engine.stats.taggersStarted).toBeLessThan(texts.length / 10);
    const alone = await aloneEach(texts, 4);
    const differing = texts.map((_, i) => i).filter((i) => batch[i]!.text !== alone[i]!.text);
    expect(differing.map((i) => ({ source: texts[i], batch: batch[i]!.text, alone: alone[i]!.text }))).toEqual([]);
    expect(batch.map((o) => o.unknownWords)).toEqual(alone.map((o) => o.unknownWords));
  });

  it('holds for Spanish → English too (another tagger model)', async () => {
    // Spanish text: the Spanish translations of these paragraphs.
    const engine = createApertiumEngine();
    const spanish = [
      ...new Set((await engine.translateBatch(texts.slice(0, 120), EN_ES, { signal: new AbortController().signal })).map((o) => o.text)),
    ];
    expect(spanish.length).toBeGreaterThan(100);
    // (spa-eng's model lacks few classes: its taggers seldom narrow on this text.)
    const batch = await engine.translateBatch(spanish, { source: 'es', target: 'en' }, { signal: new AbortController().signal });
    const alone = await aloneEach(spanish, 4, 'spa-eng');
    const differing = spanish.map((_, i) => i).filter((i) => batch[i]!.text !== alone[i]!.text);
    expect(differing.map((i) => ({ source: spanish[i], batch: batch[i]!.text, alone: alone[i]!.text }))).toEqual([]);
    engine.close();
  });

  it('holds in reverse order and in a shuffled order too', async () => {
    const engine = createApertiumEngine();
    const forward = await engine.translateBatch(texts, EN_ES, { signal: new AbortController().signal });
    const order = texts.map((_, i) => i).reverse();
    // A fixed interleaving (no randomness): odd positions first, then even ones.
    const shuffled = [...order.filter((i) => i % 2 === 1), ...order.filter((i) => i % 2 === 0)];
    for (const permutation of [order, shuffled]) {
      const out = await engine.translateBatch(
        permutation.map((i) => texts[i]!),
        EN_ES,
        { signal: new AbortController().signal },
      );
      permutation.forEach((original, at) => expect(out[at]!.text).toBe(forward[original]!.text));
    }
  });

  it('is needed: one unsplit pipeline process gives some paragraphs a different translation', async () => {
    // The same batch through the mode's pipeline as a single process (what Verso did before).
    const script = unsplitPipeline();
    const unsplit: string[] = new Array<string>(texts.length);
    await runApertium({
      parts: null,
      pipeline: script,
      blocks: texts.map((t) => deformat(t)),
      signal: new AbortController().signal,
      stats: { processesSpawned: 0, taggersStarted: 0, retagged: 0 },
      onOutput: (i: number, block: string) => (unsplit[i] = reformat(block).text),
    });
    const engine = createApertiumEngine();
    const split = await engine.translateBatch(texts, EN_ES, { signal: new AbortController().signal });
    const alone = await aloneEach(texts.slice(0, 12), 4);
    // The first paragraphs come before any narrowing and agree everywhere.
    expect(alone.map((o) => o.text)).toEqual(split.slice(0, 12).map((o) => o.text));
    const differing = texts.filter((_, i) => unsplit[i] !== split[i]!.text);
    expect(differing.length).toBeGreaterThan(0);
  });

  it('keeps exact boundaries for paragraphs with blank lines, markup and stream syntax', async () => {
    const engine = createApertiumEngine();
    const out = await engine.translateBatch(TRICKY, EN_ES, { signal: new AbortController().signal });
    expect(out).toHaveLength(TRICKY.length);
    expect(out[0]!.text).toMatch(/^[^\n]+\n\n[^\n]+\n\n\n[^\n]+$/);
    expect(out[1]!.text).toContain('<b>');
    expect(out[1]!.text).toContain('</a>');
    expect(out[2]!.text).toContain('^');
    expect(out[2]!.text).toContain('[');
    expect(out[2]!.text).toContain('.[]');
    expect(out[5]!.text).toContain('*');
    expect(out[5]!.unknownWords).not.toContain('');
    expect(out[8]!.text).toBe('La casa es roja.');
    for (const o of out) expect(o.text).not.toMatch(/\0/);
  });
});
