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
import { holdsNarrowingWord, runApertium, splitAtTagger, splitStages, stripTaggerReports } from './apertiumPipeline.js';
import type { MtOutput } from './mtEngine.js';

const EN_ES = { source: 'en', target: 'es' };
const LICENCES = ['/usr/share/common-licenses/GPL-3', '/usr/share/common-licenses/Apache-2.0'];

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

async function aloneEach(texts: readonly string[], concurrency: number): Promise<MtOutput[]> {
  const engine = createApertiumEngine();
  const out: MtOutput[] = new Array<MtOutput>(texts.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < texts.length) {
        const i = next++;
        const [one] = await engine.translateBatch([texts[i]!], EN_ES, { signal: new AbortController().signal });
        out[i] = one!;
      }
    }),
  );
  return out;
}

describe('Apertium pipeline parts', () => {
  it('splits a pipeline around its tagger, outside quotes', () => {
    const p = "lt-proc -z 'a|b.bin' | apertium-tagger -z -g $2 'x.prob' | apertium-pretransfer -z | lt-proc -z $1 'g.bin'";
    expect(splitStages(p)).toEqual(["lt-proc -z 'a|b.bin'", "apertium-tagger -z -g $2 'x.prob'", 'apertium-pretransfer -z', "lt-proc -z $1 'g.bin'"]);
    expect(splitAtTagger(p)).toEqual({
      pre: "lt-proc -z 'a|b.bin'",
      tagger: "exec apertium-tagger -d -z -g $2 'x.prob' 2>&1",
      post: "apertium-pretransfer -z | lt-proc -z $1 'g.bin'",
    });
    expect(splitAtTagger('lt-proc -z a.bin | lt-proc -z -g b.bin')).toBeNull();
  });

  it("removes the tagger's new-class reports and says there was one", () => {
    const report =
      "Error: A new ambiguity class was found. \nRetraining the tagger is necessary so as to take it into account.\nWord 'included'.\nNew ambiguity class: {ADV,ADJ,VLEXPP,PAST}\n";
    expect(stripTaggerReports(`^a<det>$ ${report}^b<n>$`)).toEqual({ text: '^a<det>$ ^b<n>$', reported: true, words: ['included'] });
    expect(stripTaggerReports('^a<det>$ ^b<n>$')).toEqual({ text: '^a<det>$ ^b<n>$', reported: false, words: [] });
  });

  it('finds a word known to narrow the tagger among the surface forms of an analysis', () => {
    const known = new Set(['included', 'a/b']);
    expect(holdsNarrowingWord('^It/prpers<prn>$ ^is/be<vbser>$ ^included/include<vblex><pp>/included<adj>$', known)).toBe(true);
    // Only as a surface form: not inside a lemma or another word.
    expect(holdsNarrowingWord('^including/include<vblex><ger>$ ^x/included<adj>$', known)).toBe(false);
    // Stream syntax in a surface form is escaped by Apertium.
    expect(holdsNarrowingWord('^a\\/b/a\\/b<n>$', known)).toBe(true);
  });
});

const installed = apertiumEngSpaInstalled('the Apertium independence tests');

describe.runIf(installed)('Apertium: a paragraph translates the same in a batch as alone (real engine)', () => {
  const texts = uniqueParagraphs();

  it('holds for the reference article, two licences and tricky paragraphs, in one batch', async () => {
    expect(texts.length).toBeGreaterThan(150);
    const engine = createApertiumEngine();
    const batch = await engine.translateBatch(texts, EN_ES, { signal: new AbortController().signal });
    // This text does make the tagger narrow its state, so the restarts are exercised; the words
    // that narrow it come back, so paragraphs holding them get a tagger of their own.
    expect(engine.stats.taggerRestarts).toBeGreaterThan(0);
    expect(engine.stats.taggerRoutes).toBeGreaterThan(0);
    const alone = await aloneEach(texts, 4);
    const differing = texts.map((_, i) => i).filter((i) => batch[i]!.text !== alone[i]!.text);
    expect(differing.map((i) => ({ source: texts[i], batch: batch[i]!.text, alone: alone[i]!.text }))).toEqual([]);
    expect(batch.map((o) => o.unknownWords)).toEqual(alone.map((o) => o.unknownWords));
  });

  it('holds in reverse order and in a shuffled order too', async () => {
    const engine = createApertiumEngine();
    const forward = await engine.translateBatch(texts, EN_ES, { signal: new AbortController().signal });
    const order = texts.map((_, i) => i).reverse();
    // A fixed interleaving (no randomness): odd positions first, then even ones.
    const shuffled = [...order.filter((i) => i % 2 === 1), ...order.filter((i) => i % 2 === 0)];
    for (const permutation of [order, shuffled]) {
      const out = await engine.translateBatch(permutation.map((i) => texts[i]!), EN_ES, { signal: new AbortController().signal });
      permutation.forEach((original, at) => expect(out[at]!.text).toBe(forward[original]!.text));
    }
  });

  it('is needed: one unsplit pipeline process gives some paragraphs a different translation', async () => {
    // The same batch through the mode's pipeline as a single process (what Verso did before).
    const script = execFileSync('apertium-wblank-mode', ['-z', '/usr/share/apertium/modes/eng-spa.mode'], { encoding: 'utf8' }).trim();
    const unsplit: string[] = new Array<string>(texts.length);
    await runApertium({
      parts: null,
      pipeline: script,
      blocks: texts.map((t) => deformat(t)),
      signal: new AbortController().signal,
      stats: { processesSpawned: 0, taggerRestarts: 0, taggerRoutes: 0 },
      onOutput: (i, block) => (unsplit[i] = reformat(block).text),
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
