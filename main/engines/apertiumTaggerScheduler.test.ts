/**
 * The routing by tagger state, end to end through a session, with a stand-in tagger that keeps
 * state as apertiumTaggerState.ts models it and marks every unknown word with that state
 * (testing/stateTagger.mjs): a unit tagged in the wrong state shows in the output. The ground
 * truth is each paragraph through a fresh stand-in. (The model itself is checked against the real
 * apertium-tagger in apertiumIndependence.test.ts.)
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PipelineParts, PipelineStats } from './apertiumPipeline.js';
import { ApertiumSession } from './apertiumSession.js';
// @ts-expect-error -- a plain ES module script without types (a test helper)
import { createStateTagger as untypedStateTagger } from './testing/stateTagger.mjs';
import { mulberry32 } from '../../shared/testing/seededRandom.js';

const STAND_IN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'testing', 'stateTagger.mjs');
const PARTS: PipelineParts = { pre: 'cat', tagger: `'${process.execPath}' '${STAND_IN}'`, post: 'cat', model: 'hmm' };

const createStateTagger = untypedStateTagger as () => (block: string) => { output: string };
const truth = (paragraph: string): string => createStateTagger()(paragraph).output;

/** Paragraphs of 1–4 sentences mixing plain words, unknown words and words of classes X/Z ({A,B}) and Y ({C,D}). */
function paragraphs(count: number, seed: number): string[] {
  // A small seeded generator, so the text is the same on every run.
  const rand = mulberry32(seed);
  const next = (n: number): number => (rand() * n) | 0;
  const word = (): string => {
    const k = next(20);
    if (k < 15) return `^w${next(50)}/w<n>$`;
    if (k < 18) return `^u${next(50)}/*u${next(50)}$`;
    return `^${'XYZ'.charAt(next(3))}/x<adj>/x<vblex><pp>$`;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: 1 + next(4) }, () => `${Array.from({ length: 1 + next(5) }, word).join(' ')}^./.<sent>$`).join(' '),
  );
}

async function run(session: ApertiumSession, blocks: string[]): Promise<string[]> {
  const out: string[] = new Array<string>(blocks.length);
  await session.run(blocks, new AbortController().signal, (i, b) => (out[i] = b));
  return out;
}

describe('tagger routing by state (stand-in tagger)', () => {
  it('tags every paragraph as a fresh tagger would, in any order, batch after batch', async () => {
    const stats: PipelineStats = { processesSpawned: 0, taggersStarted: 0, retagged: 0 };
    const known = new Map<string, string>();
    const session = new ApertiumSession({ parts: PARTS, pipeline: '', stats, knownNarrowing: known });
    const texts = paragraphs(150, 7);
    const expected = texts.map(truth);
    // Some paragraphs really do depend on the state: a shared tagger would get them wrong.
    const shared = createStateTagger();
    expect(texts.filter((t, i) => shared(t).output !== expected[i]).length).toBeGreaterThan(10);

    const orders = [texts.map((_, i) => i), texts.map((_, i) => texts.length - 1 - i), texts.map((_, i) => (i * 37) % texts.length)];
    let retaggedAfterFirst = 0;
    for (const order of orders) {
      const out = await run(
        session,
        order.map((i) => texts[i]!),
      );
      const wrong = order.filter((i, at) => out[at] !== expected[i]);
      expect(wrong.map((i) => ({ paragraph: texts[i], expected: expected[i] }))).toEqual([]);
      if (order === orders[0]) retaggedAfterFirst = stats.retagged;
    }
    expect(known).toEqual(
      new Map([
        ['X', '{A,B}'],
        ['Y', '{C,D}'],
        ['Z', '{A,B}'],
      ]),
    );
    // Once the words are known, nothing is tagged twice; and fewer taggers than paragraphs, though
    // this text is far denser in such words than prose.
    expect(stats.retagged).toBe(retaggedAfterFirst);
    expect(stats.taggersStarted).toBeLessThan(texts.length);
    session.close();
  });

  it('a sentence after one that narrowed the state is tagged in that state, not a pristine one', async () => {
    const session = new ApertiumSession({
      parts: PARTS,
      pipeline: '',
      stats: { processesSpawned: 0, taggersStarted: 0, retagged: 0 },
      knownNarrowing: new Map([['X', '{A,B}']]),
    });
    const paragraph = '^X/x<adj>$^./.<sent>$ ^u/*u$^./.<sent>$';
    expect(await run(session, ['^v/*v$^./.<sent>$', paragraph])).toEqual([
      '^v/*v<O>$^./.<sent>$',
      '^X/x<adj>$^./.<sent>$ ^u/*u<X:{A,B}>$^./.<sent>$',
    ]);
    session.close();
  });
});
