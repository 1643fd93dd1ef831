/**
 * The session's plumbing with stand-in stages (`cat` and small shell scripts), so it runs without
 * Apertium: processes kept between batches, idle release and ending, failures and cancels. The
 * tagging itself is tested against the real Apertium in apertiumIndependence.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { PipelineError, type PipelineParts, type PipelineStats } from './apertiumPipeline.js';
import { ApertiumSession } from './apertiumSession.js';

const stats = (): PipelineStats => ({ processesSpawned: 0, taggersStarted: 0, retagged: 0 });

function collect(session: ApertiumSession, blocks: string[], signal = new AbortController().signal): Promise<string[]> {
  const out: string[] = new Array<string>(blocks.length);
  return session.run(blocks, signal, (i, block) => (out[i] = block)).then(() => out);
}

const SPLIT: PipelineParts = { pre: 'cat', tagger: 'cat', post: 'cat', model: 'hmm' };
const analysed = (w: string): string => `^${w}/${w}<n>$^./.<sent>$`;

/**
 * A stand-in tagger: echoes each block, and reports the word X as one of a class its model lacks
 * (as apertium-tagger -d does), so the routing by state can be followed exactly.
 */
const REPORTING: PipelineParts = {
  pre: 'cat',
  tagger: `while IFS= read -r -d '' b; do case "$b" in *'^X/'*) printf "Error: A new ambiguity class was found. \\nRetraining the tagger is necessary so as to take it into account.\\nWord 'X'.\\nNew ambiguity class: {A,B}\\n";; esac; printf '%s\\0' "$b"; done`,
  post: 'cat',
  model: 'hmm',
};

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe('Apertium session (stand-in stages)', () => {
  it('keeps its processes between batches: the second batch starts none', async () => {
    const s = stats();
    const session = new ApertiumSession({ parts: SPLIT, pipeline: '', stats: s });
    expect(await collect(session, [analysed('a'), analysed('b')])).toEqual([analysed('a'), analysed('b')]);
    const started = s.processesSpawned;
    expect(started).toBe(3); // analysis, the tagger launcher, post (Node spawns)
    expect(s.taggersStarted).toBe(1); // started by the launcher
    expect(session.processCount).toBe(4);
    expect(await collect(session, [analysed('c'), `${analysed('d')} ${analysed('e')}`])).toEqual([
      analysed('c'),
      `${analysed('d')} ${analysed('e')}`,
    ]);
    expect(s.processesSpawned).toBe(started);
    session.close();
    expect(session.usable).toBe(false);
    await waitFor(() => session.processCount === 0);
  });

  it('routes by tagger state: a unit whose first dependent word is unknown needs a pristine tagger', async () => {
    const s = stats();
    const known = new Map<string, string>();
    const session = new ApertiumSession({ parts: REPORTING, pipeline: '', stats: s, knownNarrowing: known, launcherSlots: 1 });
    const first = ['^X/X<n>$^./.<sent>$', '^u/*u$^./.<sent>$', '^a/a<n>$^./.<sent>$'];
    expect(await collect(session, first)).toEqual(first);
    expect(known).toEqual(new Map([['X', '{A,B}']]));
    // X narrowed the first tagger, so the unknown word u was tagged again by a second, pristine one
    // (from a second launcher: one slot each here).
    expect(s).toEqual({ processesSpawned: 4, taggersStarted: 2, retagged: 1 });

    // Known now: X first goes to the narrowed tagger; u first needs the pristine one (which X then
    // narrows); nothing is tagged twice.
    const second = ['^X/X<n>$ ^u/*u$^./.<sent>$', '^u/*u$ ^X/X<n>$^./.<sent>$', '^b/b<n>$^./.<sent>$'];
    expect(await collect(session, second)).toEqual(second);
    expect(s).toEqual({ processesSpawned: 4, taggersStarted: 2, retagged: 0 + 1 });
    // Both taggers are now in the same state: one of them is ended.
    await waitFor(() => session.processCount === 2 + 1 + 1);
    session.close();
  });

  it('with a tagger other than the HMM one, a tagger that reported is not trusted again and paragraphs are not cut', async () => {
    const s = stats();
    const session = new ApertiumSession({ parts: { ...REPORTING, model: 'other' }, pipeline: '', stats: s, knownNarrowing: new Map() });
    const blocks = ['^X/X<n>$^./.<sent>$ ^a/a<n>$^./.<sent>$', '^b/b<n>$^./.<sent>$', '^c/c<n>$^./.<sent>$'];
    expect(await collect(session, blocks)).toEqual(blocks);
    // The first tagger met X; what it had tagged after that was tagged again by a fresh one.
    expect(s.taggersStarted).toBe(2);
    expect(s.retagged).toBeGreaterThanOrEqual(1);
    session.close();
  });

  it('runs a whole pipeline without a tagger as one kept process, in order', async () => {
    const s = stats();
    const session = new ApertiumSession({ parts: null, pipeline: 'cat', stats: s });
    const blocks = Array.from({ length: 50 }, (_, i) => `block ${i}`);
    expect(await collect(session, blocks)).toEqual(blocks);
    expect(await collect(session, ['again'])).toEqual(['again']);
    expect(s.processesSpawned).toBe(1);
    session.close();
  });

  it('ends its processes after the idle time', async () => {
    const session = new ApertiumSession({ parts: null, pipeline: 'cat', stats: stats(), idleMs: 30 });
    await collect(session, ['x']);
    await waitFor(() => !session.usable && session.processCount === 0);
  });

  it('refuses a second batch while one runs', async () => {
    const session = new ApertiumSession({ parts: null, pipeline: 'read -r -d "" x; sleep 0.2; printf "%s\\0" "$x"', stats: stats() });
    const first = collect(session, ['one']);
    await expect(collect(session, ['two'])).rejects.toThrow('busy');
    expect(await first).toEqual(['one']);
    session.close();
  });

  it('a stage that dies midway fails the batch with a clear error, and the session is dead', async () => {
    // Echoes the first block, then exits.
    const session = new ApertiumSession({
      parts: null,
      pipeline: 'read -r -d "" x; printf "%s\\0" "$x"; echo "out of memory" >&2; exit 3',
      stats: stats(),
    });
    const err = await collect(session, ['one', 'two', 'three']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PipelineError);
    expect((err as PipelineError).message).toBe(
      'Apertium (pipeline) exited with code 3 before it had translated every paragraph: out of memory',
    );
    expect((err as PipelineError).exitCode).toBe(3);
    expect(session.usable).toBe(false);
    await expect(collect(session, ['x'])).rejects.toThrow('ended');
  });

  it('a cancel kills every process and rejects with the reason', async () => {
    const session = new ApertiumSession({ parts: SPLIT, pipeline: '', stats: stats() });
    await collect(session, [analysed('warm')]);
    const controller = new AbortController();
    const blocks = Array.from({ length: 20000 }, (_, i) => analysed(`w${i}`));
    let seen = 0;
    const promise = session.run(blocks, controller.signal, () => {
      if (++seen === 10) controller.abort(new Error('stop'));
    });
    await expect(promise).rejects.toThrow('stop');
    expect(seen).toBeLessThan(blocks.length);
    expect(session.usable).toBe(false);
    await waitFor(() => session.processCount === 0);
  });

  it('an output callback that throws stops the batch', async () => {
    const session = new ApertiumSession({ parts: null, pipeline: 'cat', stats: stats() });
    const err = await session
      .run(['a', 'b'], new AbortController().signal, () => {
        throw new Error('bad output');
      })
      .catch((e: unknown) => e);
    expect((err as Error).message).toBe('bad output');
    expect(session.usable).toBe(false);
  });
});
