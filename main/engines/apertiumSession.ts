/**
 * A running Apertium pipeline, split around its tagger so that every paragraph's translation is
 * independent of the paragraphs before it, and kept running between batches (as apertium-apy
 * keeps its pipelines) so a batch does not pay for starting a dozen processes.
 *
 * Why split: apertium-tagger (HMM, Apertium 3.8) narrows its "open" ambiguity class for the rest
 * of the process whenever it meets an ambiguity class its model lacks, so in one long process a
 * paragraph's translation depends on what came before it (apertiumTaggerState.ts has the model).
 * Every other stage starts afresh at each NUL.
 *
 * How: the stages before the tagger ("analysis") and after it ("post") each run as ONE process
 * group. Between them, each analysed paragraph goes (whole, or sentence by sentence when it holds
 * a word of a class the model lacks) to a tagger whose state tags it exactly as a fresh tagger
 * would: any tagger when it has no unknown word and no such word; a pristine tagger when its first
 * such word is unknown; a pristine tagger or one narrowed only by that class when its first such
 * word is of a class the model lacks. The taggers run with `-d`, which reports those words in-band
 * (stderr merged into stdout); the words are remembered (`knownNarrowing`) so later paragraphs
 * route right the first time. Every result is checked against the reports before it is used: a
 * unit that met a tagger in the wrong state is tagged again, so routing can cost time, never a
 * different translation. The tagged parts of a paragraph are joined and sent on to post. A new
 * tagger is started only when no running one can take a unit.
 *
 * For a tagger other than the HMM one (`--sliding-window`, `--perceptron`), whose state was not
 * studied, paragraphs are not cut, and only a pristine tagger is trusted with anything.
 *
 * Between batches the processes idle (released: Node may exit, and they end on end-of-input);
 * after `idleMs` they are ended. A failure or a cancel kills them all and the session is dead.
 */
import {
  PipelineError,
  spawnStageProcess,
  Stage,
  stripTaggerReports,
  TaggerLauncher,
  type PipelineParts,
  type PipelineStats,
  type StageProcess,
} from './apertiumPipeline.js';
import {
  advance,
  analysedUnits,
  compatible,
  depsOf,
  MIXED,
  PRISTINE,
  reportedDeps,
  sameState,
  UNKNOWN,
  type AnalysedUnit,
  type TaggerState,
} from './apertiumTaggerState.js';

export interface SessionOptions {
  parts: PipelineParts | null;
  /** The whole pipeline (used when `parts` is null). */
  pipeline: string;
  /** Counters. */
  stats: PipelineStats;
  /** Words whose ambiguity class the tagger's model lacks, with that class (grows as taggers report them). */
  knownNarrowing?: Map<string, string>;
  /** Units in flight per tagger (default 8). */
  window?: number;
  /** Idle time after which the processes are ended, in ms (default 5 minutes). */
  idleMs?: number;
  /** Taggers one launcher can start (default 16). */
  launcherSlots?: number;
}

/** Taggers kept between batches at most (pristine ones first). */
const IDLE_TAGGERS = 8;
/** Taggers one launcher can start (each holds a socket from the start). */
const LAUNCHER_SLOTS = 16;
/** Waiting units looked at per scheduling pass (units that must wait are skipped, not blocking). */
const LOOKAHEAD = 64;

interface Unit {
  paragraph: number;
  /** Position within its paragraph. */
  at: number;
  text: string;
  words: (string | null)[];
  /** Deps as predicted from the words known so far (recomputed when more become known). */
  deps: string[];
  depsVersion: number;
  /** Times it met a tagger in the wrong state. */
  retries: number;
  /** Its reports could not be matched to its words: only a pristine tagger is trusted with it. */
  pristineOnly: boolean;
  /** A whole paragraph sent as one unit: its sentences, to send one by one if it must be tagged again. */
  sentences: AnalysedUnit[] | null;
}

interface Tagger {
  stage: Stage;
  inFlight: Unit[];
  /** State after the outputs received so far. */
  state: TaggerState;
  /** State once the units in flight are tagged, as far as known. */
  predicted: TaggerState;
  /** Ended on purpose (not needed any more). */
  retired: boolean;
}

interface Batch {
  total: number;
  delivered: number;
  signal: AbortSignal;
  onOutput: (index: number, block: string) => void;
  onAbort: () => void;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class ApertiumSession {
  private readonly parts: PipelineParts | null;
  private readonly hmm: boolean;
  private readonly stats: PipelineStats;
  private readonly knownNarrowing: Map<string, string>;
  private readonly window: number;
  private readonly idleMs: number;
  private readonly stages = new Set<Stage>();
  /** Stages ended on purpose (a tagger not needed any more): their exit is no failure. */
  private readonly retiredStages = new WeakSet<Stage>();
  private batch: Batch | null = null;
  private ended = false;
  private idleTimer: NodeJS.Timeout | null = null;

  // Stages: the whole pipeline (no tagger), or analysis → taggers → post.
  private whole: Stage | null = null;
  private pre: Stage | null = null;
  private post: Stage | null = null;
  private readonly taggers: Tagger[] = [];
  private launcher: TaggerLauncher | null = null;
  /** Paragraph indices in the order they went into a FIFO stage (outputs come back in that order). */
  private readonly wholeOrder: number[] = [];
  private readonly preOrder: number[] = [];
  private readonly postOrder: number[] = [];
  /** Units waiting for a tagger, in paragraph order. */
  private readonly queue: Unit[] = [];
  /** Tagged units of each paragraph still being tagged. */
  private readonly tagged = new Map<number, { parts: (string | undefined)[]; missing: number }>();
  /** Bumped whenever knownNarrowing learns a word or a new class for one. */
  private knownVersion = 0;

  constructor(private readonly options: SessionOptions) {
    this.parts = options.parts;
    this.hmm = options.parts?.model !== 'other';
    this.stats = options.stats;
    this.knownNarrowing = options.knownNarrowing ?? new Map<string, string>();
    this.window = Math.max(1, options.window ?? 8);
    this.idleMs = options.idleMs ?? 5 * 60_000;
  }

  /** A batch is running. */
  get busy(): boolean {
    return this.batch !== null;
  }

  /** False once it failed, was cancelled or closed: a new session is needed. */
  get usable(): boolean {
    return !this.ended;
  }

  /** Running processes (for tests and diagnostics). */
  get processCount(): number {
    return this.stages.size + (this.launcher?.running ? 1 : 0);
  }

  /** Translates deformatted paragraphs (without NUL); `onOutput` gets each raw output block (any order). */
  run(blocks: readonly string[], signal: AbortSignal, onOutput: (index: number, block: string) => void): Promise<void> {
    if (this.ended) return Promise.reject(new Error('This Apertium session has ended.'));
    if (this.batch) return Promise.reject(new Error('This Apertium session is busy.'));
    if (signal.aborted) return Promise.reject(signal.reason ?? new Error('aborted'));
    if (blocks.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => this.fail(signal.reason ?? new Error('aborted'));
      this.batch = { total: blocks.length, delivered: 0, signal, onOutput, onAbort, resolve, reject };
      signal.addEventListener('abort', onAbort, { once: true });
      if (this.idleTimer) clearTimeout(this.idleTimer);
      this.idleTimer = null;
      try {
        for (const s of this.stages) s.hold();
        this.launcher?.ref();
        if (!this.parts) {
          const whole = (this.whole ??= this.start('pipeline', this.options.pipeline, (block) => this.deliver(this.take(this.wholeOrder), block.toString('utf8'))));
          blocks.forEach((b, i) => {
            this.wholeOrder.push(i);
            whole.send(b);
          });
          return;
        }
        const parts = this.parts;
        if (parts.post) this.post ??= this.start('post', parts.post, (block) => this.deliver(this.take(this.postOrder), block.toString('utf8')));
        if (parts.pre) {
          const pre = (this.pre ??= this.start('analysis', parts.pre, (block) => this.analysed(this.take(this.preOrder), block.toString('utf8'))));
          blocks.forEach((b, i) => {
            this.preOrder.push(i);
            pre.send(b);
          });
        } else {
          blocks.forEach((b, i) => this.analysed(i, b));
        }
      } catch (err) {
        this.fail(err);
      }
    });
  }

  /** Ends every process (they finish what they have and exit). */
  close(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const s of this.stages) s.end();
    this.launcher?.close();
  }

  // ---- Stages

  private start(label: string, script: string, onBlock: (block: Buffer) => void): Stage {
    this.stats.processesSpawned++;
    return this.attach(label, spawnStageProcess('bash', script), onBlock);
  }

  /** A tagger: from the launcher (a fork of a small shell) when it has a slot, else spawned by Node. */
  private startTagger(onBlock: (block: Buffer) => void): Stage {
    const command = this.parts!.tagger;
    let proc = this.launcher?.launch() ?? null;
    if (!proc) {
      this.launcher?.close();
      this.launcher = new TaggerLauncher(command, this.options.launcherSlots ?? LAUNCHER_SLOTS, (err) => this.fail(err));
      this.stats.processesSpawned++;
      proc = this.launcher.launch();
    }
    if (!proc) {
      this.stats.processesSpawned++;
      proc = spawnStageProcess('sh', `exec ${command} 2>&1`);
    }
    this.stats.taggersStarted++;
    return this.attach('tagger', proc, onBlock);
  }

  private attach(label: string, proc: StageProcess, onBlock: (block: Buffer) => void): Stage {
    const stage = new Stage(
      label,
      proc,
      (block) => {
        if (!this.batch) return;
        try {
          onBlock(block);
        } catch (err) {
          this.fail(err);
        }
      },
      (s, code, sig) => {
        this.stages.delete(s);
        if (this.ended || this.retiredStages.has(s)) return;
        const how = sig ? `was stopped by ${sig}` : code === null ? 'stopped' : `exited with code ${code}`;
        // A tagger's stderr is merged into its output: what it printed last is its message.
        const message = (s.stderr.trim() || (proc.errors ? '' : s.leftover().trim())).split('\n')[0] ?? '';
        const detail = message !== '' ? `: ${message}` : '.';
        const leftover = proc.errors && s.leftover().trim() !== '' ? ' Its output ended in the middle of a paragraph.' : '';
        this.fail(new PipelineError(`Apertium (${s.label}) ${how} before it had translated every paragraph${detail}${leftover}`, s.stderr.trim() || message, code));
      },
      (err) => this.fail(err),
    );
    this.stages.add(stage);
    return stage;
  }

  private take(order: number[]): number {
    const index = order.shift();
    if (index === undefined) throw new PipelineError('Apertium returned more paragraphs than it was sent.', '', null);
    return index;
  }

  private deliver(index: number, block: string): void {
    const batch = this.batch;
    if (!batch) return;
    batch.onOutput(index, block);
    if (++batch.delivered < batch.total) return;
    // Done: the processes idle until the next batch.
    this.batch = null;
    batch.signal.removeEventListener('abort', batch.onAbort);
    this.trimTaggers();
    for (const s of this.stages) s.release();
    this.launcher?.unref();
    this.idleTimer = setTimeout(() => this.close(), this.idleMs);
    this.idleTimer.unref();
    batch.resolve();
  }

  /** Kills every process; the running batch (if any) fails with `err`. The session is dead. */
  private fail(err: unknown): void {
    this.ended = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const s of this.stages) s.kill();
    this.launcher?.kill();
    const batch = this.batch;
    this.batch = null;
    if (!batch) return;
    batch.signal.removeEventListener('abort', batch.onAbort);
    batch.reject(err);
  }

  // ---- Tagging

  private forward(index: number, block: string): void {
    if (this.post) {
      this.postOrder.push(index);
      this.post.send(block);
    } else this.deliver(index, block);
  }

  private analysed(index: number, analysed: string): void {
    if (this.hmm) this.enqueueParagraph(index, analysedUnits(analysed), true);
    else this.enqueueParagraph(index, [{ text: analysed, words: analysedUnits(analysed).flatMap((u) => u.words) }], false);
    this.pump();
  }

  private fits(state: TaggerState, deps: readonly string[]): boolean {
    return this.hmm ? compatible(state, deps) : state.kind === 'pristine';
  }

  private after(state: TaggerState, deps: readonly string[]): TaggerState {
    if (this.hmm) return advance(state, deps);
    return deps.some((d) => d !== UNKNOWN) ? MIXED : state;
  }

  private newTagger(): Tagger {
    const tagger: Tagger = { stage: null as unknown as Stage, inFlight: [], state: PRISTINE, predicted: PRISTINE, retired: false };
    tagger.stage = this.startTagger((raw) => {
      const unit = tagger.inFlight.shift();
      if (unit === undefined) throw new PipelineError('The Apertium tagger returned more paragraphs than it was sent.', '', null);
      this.onTagged(tagger, unit, raw.toString('utf8'));
    });
    this.taggers.push(tagger);
    return tagger;
  }

  private onTagged(tagger: Tagger, unit: Unit, raw: string): void {
    const { text, reports } = stripTaggerReports(raw);
    for (const r of reports) {
      if (this.knownNarrowing.get(r.word) === r.cls) continue;
      this.knownNarrowing.set(r.word, r.cls);
      this.knownVersion++;
    }
    // The deps the tagger really met (its reports do not depend on its state); when they cannot
    // be matched to the unit's words, only a pristine tagger's result is trusted.
    const deps = reportedDeps(unit.words, reports);
    const ok = deps === null ? tagger.state.kind === 'pristine' : this.fits(tagger.state, deps);
    tagger.state = deps === null ? MIXED : this.after(tagger.state, deps);
    tagger.predicted = tagger.inFlight.reduce((state, u) => this.after(state, u.deps), tagger.state);
    if (ok) {
      const entry = this.tagged.get(unit.paragraph)!;
      entry.parts[unit.at] = text;
      if (--entry.missing === 0) {
        this.tagged.delete(unit.paragraph);
        this.forward(unit.paragraph, entry.parts.join(''));
      }
    } else {
      this.stats.retagged++;
      if (unit.sentences && deps !== null) {
        // It holds a word of a class the model lacks after all: sentence by sentence now.
        this.enqueueParagraph(unit.paragraph, unit.sentences, false);
      } else {
        unit.retries++;
        // Never more than a few tries: then a pristine tagger, which is always right.
        if (deps === null || unit.retries > 2) unit.pristineOnly = true;
        this.enqueue(unit);
      }
    }
    this.pump();
  }

  /**
   * Queues a paragraph's sentences: one by one when a known word of a class the model lacks is
   * among them (they may need taggers in different states), else as one unit.
   */
  private enqueueParagraph(paragraph: number, sentences: AnalysedUnit[], mayMerge: boolean): void {
    const merge =
      mayMerge && sentences.length > 1 && !sentences.some((u) => depsOf(u.words, this.knownNarrowing).some((d) => d !== UNKNOWN));
    const units: AnalysedUnit[] = merge ? [{ text: sentences.map((u) => u.text).join(''), words: sentences.flatMap((u) => u.words) }] : sentences;
    this.tagged.set(paragraph, { parts: new Array<string | undefined>(units.length), missing: units.length });
    units.forEach((u, at) =>
      this.enqueue({
        paragraph,
        at,
        text: u.text,
        words: u.words,
        deps: [],
        depsVersion: -1,
        retries: 0,
        pristineOnly: false,
        sentences: merge ? sentences : null,
      }),
    );
  }

  private enqueue(unit: Unit): void {
    const q = this.queue;
    let i = q.length;
    while (i > 0 && (q[i - 1]!.paragraph > unit.paragraph || (q[i - 1]!.paragraph === unit.paragraph && q[i - 1]!.at > unit.at))) i--;
    q.splice(i, 0, unit);
  }

  /** Preference among the taggers that fit: keep pristine taggers for the units that need them. */
  private static rank(state: TaggerState): number {
    return state.kind === 'mixed' ? 0 : state.kind === 'family' ? 1 : 2;
  }

  /** The tagger for a unit: one that fits and has room; undefined when one fits but is full; null when none fits. */
  private choose(deps: readonly string[]): Tagger | undefined | null {
    let best: Tagger | undefined;
    let anyFits = false;
    for (const t of this.taggers) {
      if (t.retired || t.stage.closed || !this.fits(t.predicted, deps)) continue;
      anyFits = true;
      if (t.inFlight.length >= this.window) continue;
      const r = ApertiumSession.rank(t.predicted);
      const rb = best ? ApertiumSession.rank(best.predicted) : Infinity;
      if (!best || r < rb || (r === rb && t.inFlight.length < best.inFlight.length)) best = t;
    }
    return best ?? (anyFits ? undefined : null);
  }

  private pump(): void {
    if (!this.batch) return;
    const q = this.queue;
    let looked = 0;
    for (let i = 0; i < q.length && looked < LOOKAHEAD; looked++) {
      const unit = q[i]!;
      if (unit.depsVersion !== this.knownVersion) {
        unit.deps = depsOf(unit.words, this.knownNarrowing);
        unit.depsVersion = this.knownVersion;
      }
      let tagger = this.choose(unit.pristineOnly ? [UNKNOWN] : unit.deps);
      if (tagger === undefined) {
        i++;
        continue;
      }
      if (tagger === null) tagger = this.newTagger();
      q.splice(i, 1);
      tagger.inFlight.push(unit);
      tagger.predicted = this.after(tagger.predicted, unit.deps);
      tagger.stage.send(unit.text);
    }
    // A tagger with nothing in flight, in the same state as another, is not needed any more.
    for (const t of [...this.taggers]) {
      if (t.inFlight.length > 0 || t.retired) continue;
      if (this.taggers.some((o) => o !== t && !o.retired && !o.stage.closed && sameState(o.predicted, t.predicted))) this.retire(t);
    }
  }

  private retire(t: Tagger): void {
    t.retired = true;
    this.retiredStages.add(t.stage);
    t.stage.end();
    this.taggers.splice(this.taggers.indexOf(t), 1);
  }

  /** Between batches: at most IDLE_TAGGERS taggers, pristine ones kept first. */
  private trimTaggers(): void {
    const byUse = [...this.taggers].sort((a, b) => ApertiumSession.rank(b.state) - ApertiumSession.rank(a.state));
    for (const t of byUse.slice(IDLE_TAGGERS)) this.retire(t);
  }
}

/** Runs the blocks through a new session and ends it (one batch, nothing kept). */
export async function runApertium(options: SessionOptions & {
  blocks: readonly string[];
  signal: AbortSignal;
  onOutput: (index: number, block: string) => void;
}): Promise<void> {
  const session = new ApertiumSession(options);
  try {
    await session.run(options.blocks, options.signal, options.onOutput);
  } finally {
    session.close();
  }
}
