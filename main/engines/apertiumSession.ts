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
 * group; between them, apertiumTaggerScheduler.ts sends each analysed paragraph (or sentence) to a
 * tagger whose state tags it exactly as a fresh tagger would, and joins the results. Taggers are
 * started by one launcher shell (TaggerLauncher), not by Node.
 *
 * Between batches the processes idle (released: Node may exit, and they end on end-of-input);
 * after `idleMs` they are ended. A failure or a cancel kills them all and the session is dead.
 */
import {
  PipelineError,
  spawnStageProcess,
  Stage,
  TaggerLauncher,
  type PipelineParts,
  type PipelineStats,
  type StageProcess,
} from './apertiumPipeline.js';
import { TaggerScheduler } from './apertiumTaggerScheduler.js';

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

/** Taggers one launcher can start (each holds a socket from the start). */
const LAUNCHER_SLOTS = 16;

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
  private readonly stats: PipelineStats;
  private readonly idleMs: number;
  private readonly scheduler: TaggerScheduler;
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
  private launcher: TaggerLauncher | null = null;
  /** Paragraph indices in the order they went into a FIFO stage (outputs come back in that order). */
  private readonly wholeOrder: number[] = [];
  private readonly preOrder: number[] = [];
  private readonly postOrder: number[] = [];

  constructor(private readonly options: SessionOptions) {
    this.parts = options.parts;
    this.stats = options.stats;
    this.idleMs = options.idleMs ?? 5 * 60_000;
    this.scheduler = new TaggerScheduler(
      {
        active: () => this.batch !== null,
        startTagger: (onBlock) => this.startTagger(onBlock),
        retire: (stage) => {
          this.retiredStages.add(stage);
          stage.end();
        },
        forward: (index, tagged) => this.forward(index, tagged),
      },
      {
        hmm: options.parts?.model !== 'other',
        stats: options.stats,
        knownNarrowing: options.knownNarrowing ?? new Map<string, string>(),
        window: Math.max(1, options.window ?? 8),
      },
    );
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
          const whole = (this.whole ??= this.start('pipeline', this.options.pipeline, (block) =>
            this.deliver(this.take(this.wholeOrder), block.toString('utf8')),
          ));
          blocks.forEach((b, i) => {
            this.wholeOrder.push(i);
            whole.send(b);
          });
          return;
        }
        const parts = this.parts;
        if (parts.post)
          this.post ??= this.start('post', parts.post, (block) => this.deliver(this.take(this.postOrder), block.toString('utf8')));
        if (parts.pre) {
          const pre = (this.pre ??= this.start('analysis', parts.pre, (block) =>
            this.scheduler.add(this.take(this.preOrder), block.toString('utf8')),
          ));
          blocks.forEach((b, i) => {
            this.preOrder.push(i);
            pre.send(b);
          });
        } else {
          blocks.forEach((b, i) => this.scheduler.add(i, b));
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
        this.fail(
          new PipelineError(
            `Apertium (${s.label}) ${how} before it had translated every paragraph${detail}${leftover}`,
            s.stderr.trim() || message,
            code,
          ),
        );
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
    this.scheduler.trim();
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

  /** A tagged paragraph on to the stages after the tagger. */
  private forward(index: number, block: string): void {
    if (this.post) {
      this.postOrder.push(index);
      this.post.send(block);
    } else this.deliver(index, block);
  }
}

/** Runs the blocks through a new session and ends it (one batch, nothing kept). */
export async function runApertium(
  options: SessionOptions & {
    blocks: readonly string[];
    signal: AbortSignal;
    onOutput: (index: number, block: string) => void;
  },
): Promise<void> {
  const session = new ApertiumSession(options);
  try {
    await session.run(options.blocks, options.signal, options.onOutput);
  } finally {
    session.close();
  }
}
