/**
 * Apertium's null-flush pipeline (`apertium-wblank-mode -z`), split around its part-of-speech
 * tagger so that every paragraph's translation is independent of the paragraphs before it.
 *
 * Why: apertium-tagger (HMM, Apertium 3.8) narrows its "open" ambiguity class for the rest of the
 * process whenever it meets an ambiguity class its model lacks (`find_similar_ambiguity_class`
 * assigns through a reference to the open class). From then on unknown words and other new classes
 * are tagged differently, so in one long process a paragraph's translation depends on what came
 * before it. Every other stage starts afresh at each NUL.
 *
 * How: the stages before the tagger and the stages after it each run as ONE process for the whole
 * batch. The tagger runs with `-d`, which reports such a class in-band (its stderr is merged into
 * its stdout, so the report lands inside the paragraph that caused it). A tagger that reported one
 * is retired: the paragraphs it tagged after that one are tagged again by a fresh tagger (a spare
 * is kept warm), and it gets nothing new. At most `window` paragraphs are in flight per tagger, so
 * a retirement costs little.
 *
 * The report names the word. The engine remembers such words (`knownNarrowing`): a later paragraph
 * whose analysis holds one is tagged by a fresh tagger of its own, used for that paragraph only
 * (started per paragraph by one shell loop, not by Node), so
 * the shared tagger never narrows on it and nothing has to be tagged twice. (The class of a word
 * is fixed by its analyses, so the same word narrows the tagger every time.) The routing can only
 * cost a process, never change a translation: every paragraph still meets a tagger in its initial
 * state.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export const UTF8_ENV = { LC_ALL: 'C.UTF-8', LC_CTYPE: 'C.UTF-8' };
const NUL = Buffer.from([0]);
const STDERR_LIMIT = 4000;

/** The tagger's report of an ambiguity class missing from its model (apertium-tagger -d). */
const NEW_CLASS_REPORT =
  /Error: A new ambiguity class was found\. \nRetraining the tagger is necessary so as to take it into account\.\nWord '[^\n]*'\.\nNew ambiguity class: \{[^\n]*\}\n/g;

/** Splits a shell pipeline at its top-level `|` (outside quotes). */
export function splitStages(pipeline: string): string[] {
  const stages: string[] = [];
  let current = '';
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < pipeline.length; i++) {
    const c = pipeline.charAt(i);
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < pipeline.length) {
        current += c + pipeline.charAt(++i);
        continue;
      }
      current += c;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    if (c === '|' && pipeline.charAt(i + 1) !== '|' && pipeline.charAt(i - 1) !== '|') {
      stages.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  if (current.trim() !== '') stages.push(current.trim());
  return stages;
}

export interface PipelineParts {
  /** Stages before the tagger (null when the tagger comes first). */
  pre: string | null;
  /** The tagger stage, with `-d` added and its stderr merged into its stdout. */
  tagger: string;
  /** Stages after the tagger (null when it is the last). */
  post: string | null;
}

/** The pipeline split around its `apertium-tagger` stage; null when it has none (no split needed). */
export function splitAtTagger(pipeline: string): PipelineParts | null {
  const stages = splitStages(pipeline);
  const at = stages.findIndex((s) => /^apertium-tagger(?:\s|$)/.test(s));
  if (at < 0) return null;
  const join = (parts: string[]): string | null => (parts.length > 0 ? parts.join(' | ') : null);
  return {
    pre: join(stages.slice(0, at)),
    tagger: `exec ${stages[at]!.replace(/^apertium-tagger/, 'apertium-tagger -d')} 2>&1`,
    post: join(stages.slice(at + 1)),
  };
}

/** Removes the tagger's reports from one output block; `reported` when there was one, with the words named. */
export function stripTaggerReports(block: string): { text: string; reported: boolean; words: string[] } {
  const words: string[] = [];
  const text = block.replace(NEW_CLASS_REPORT, (report) => {
    const word = /\nWord '([^\n]*)'\.\n/.exec(report)?.[1];
    if (word !== undefined && word !== '') words.push(word);
    else words.push('');
    return '';
  });
  return { text, reported: words.length > 0, words: words.filter((w) => w !== '') };
}

/** True when an analysed block (`^form/analysis…$` units) holds one of the words as a surface form. */
export function holdsNarrowingWord(analysed: string, words: ReadonlySet<string>): boolean {
  for (const word of words) {
    // Apertium escapes its stream syntax in surface forms with a backslash.
    const escaped = word.replace(/[\\^$/<>@*{}[\]#~+]/g, (c) => `\\${c}`);
    if (analysed.includes(`^${escaped}/`)) return true;
  }
  return false;
}

/** Collects NUL-terminated blocks from a byte stream. */
class NulBlocks {
  private pending: Buffer = Buffer.alloc(0);
  push(chunk: Buffer, onBlock: (block: Buffer) => void): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    let nul: number;
    while ((nul = this.pending.indexOf(0)) !== -1) {
      const block = this.pending.subarray(0, nul);
      this.pending = this.pending.subarray(nul + 1);
      onBlock(block);
    }
  }
  /** Bytes after the last NUL (should be only whitespace at the end of a stream). */
  rest(): string {
    return this.pending.toString('utf8');
  }
}

export class PipelineError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
    readonly exitCode: number | null,
  ) {
    super(message);
  }
}

/** One bash process group running a part of the pipeline in null-flush mode. */
class Stage {
  readonly child: ChildProcessWithoutNullStreams;
  private readonly blocks = new NulBlocks();
  stderr = '';
  closed = false;

  constructor(
    readonly label: string,
    script: string,
    shell: 'bash' | 'sh',
    private readonly onBlock: (block: Buffer) => void,
    private readonly onClose: (stage: Stage, code: number | null, signal: NodeJS.Signals | null) => void,
    private readonly onError: (err: Error) => void,
  ) {
    // `$1` = -g keeps the unknown-word marks, `$2` = tagger option (none). Detached: its own
    // process group, so stopping kills every process of the stage.
    this.child = spawn(shell, ['-c', script, shell, '-g', ''], {
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...UTF8_ENV },
    });
    this.child.on('error', (err) => this.onError(err));
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => {
      if (this.stderr.length < STDERR_LIMIT) this.stderr += chunk;
    });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.blocks.push(chunk, (block) => {
        // Empty blocks are extra flushes at the end of the stream; a paragraph is never empty
        // (deformatting adds a sentence end).
        if (block.length > 0) this.onBlock(block);
      });
    });
    this.child.on('close', (code, signal) => {
      this.closed = true;
      this.onClose(this, code, signal);
    });
    this.child.stdin.on('error', () => {
      // EPIPE when the stage dies early; 'close' reports the failure.
    });
  }

  /** Queued writes, sent together at the end of the current tick (one write call, not two per block). */
  private queued: Buffer[] = [];

  send(block: Buffer | string): void {
    if (this.queued.length === 0) setImmediate(() => this.flush());
    this.queued.push(typeof block === 'string' ? Buffer.from(block, 'utf8') : block, NUL);
  }

  private flush(): void {
    if (this.queued.length === 0 || this.child.stdin.writableEnded) return;
    const data = Buffer.concat(this.queued);
    this.queued = [];
    this.child.stdin.write(data);
  }

  end(): void {
    this.flush();
    if (!this.child.stdin.writableEnded) this.child.stdin.end();
  }

  leftover(): string {
    return this.blocks.rest();
  }

  kill(): void {
    if (this.child.pid === undefined || this.closed) return;
    try {
      process.kill(-this.child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export interface RunOptions {
  parts: PipelineParts | null;
  /** The whole pipeline (used when `parts` is null). */
  pipeline: string;
  /** Deformatted paragraphs (without NUL). */
  blocks: readonly string[];
  signal: AbortSignal;
  /** Each paragraph's raw output block (any order). Throwing stops the run. */
  onOutput: (index: number, block: string) => void;
  /** Paragraphs in flight per tagger (default 8). */
  window?: number;
  /** Counters. */
  stats: PipelineStats;
  /** Words known to narrow the tagger (learned from its reports; grows during the run). */
  knownNarrowing?: Set<string>;
}

export interface PipelineStats {
  processesSpawned: number;
  /** Taggers retired after they narrowed (their later paragraphs were tagged again). */
  taggerRestarts: number;
  /** Paragraphs given a tagger of their own because they hold a word known to narrow it. */
  taggerRoutes: number;
}

/** Runs the blocks through the pipeline; resolves when every block's output was delivered. */
export function runApertium(options: RunOptions): Promise<void> {
  const { parts, blocks, signal, onOutput, stats } = options;
  const knownNarrowing = options.knownNarrowing ?? new Set<string>();
  const window = Math.max(1, options.window ?? 8);
  if (blocks.length === 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const stages = new Set<Stage>();
    let settled = false;
    let delivered = 0;

    const stopAll = (): void => {
      for (const s of stages) s.kill();
    };
    const finish = (err?: unknown): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (err !== undefined) {
        stopAll();
        reject(err);
      } else {
        for (const s of stages) s.end();
        resolve();
      }
    };
    const onAbort = (): void => finish(signal.reason ?? new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });

    const start = (label: string, script: string, onBlock: (block: Buffer) => void, expectClose: () => boolean): Stage => {
      const stage = new Stage(
        label,
        script,
        // The tagger is one program (restarted often): a plain sh that execs it starts fastest.
        label === 'tagger' ? 'sh' : 'bash',
        (block) => {
          if (settled) return;
          try {
            onBlock(block);
          } catch (err) {
            finish(err);
          }
        },
        (s, code, sig) => {
          stages.delete(s);
          if (settled || expectClose()) return;
          if (signal.aborted) return finish(signal.reason ?? new Error('aborted'));
          const how = sig ? `was stopped by ${sig}` : `exited with code ${code}`;
          const detail = s.stderr.trim() ? `: ${s.stderr.trim().split('\n')[0]}` : '.';
          const leftover = s.leftover().trim() !== '' ? ' Its output ended in the middle of a paragraph.' : '';
          finish(new PipelineError(`Apertium (${s.label}) ${how} before it had translated every paragraph${detail}${leftover}`, s.stderr.trim(), code));
        },
        (err) => finish(err),
      );
      stats.processesSpawned++;
      stages.add(stage);
      return stage;
    };

    const deliver = (index: number, block: string): void => {
      onOutput(index, block);
      delivered++;
      if (delivered === blocks.length) finish();
    };

    // ---- Post stages: fed in any order, outputs matched by a FIFO of indices.
    const postOrder: number[] = [];
    const post = parts?.post
      ? start('post', parts.post, (block) => {
          const index = postOrder.shift();
          if (index === undefined) throw new PipelineError('Apertium returned more translations than paragraphs sent.', '', null);
          deliver(index, block.toString('utf8'));
        }, () => delivered === blocks.length)
      : null;
    const forward = (index: number, block: string): void => {
      if (post) {
        postOrder.push(index);
        post.send(block);
      } else deliver(index, block);
    };

    if (!parts) {
      // No tagger: one process for the whole batch.
      const order = blocks.map((_, i) => i);
      const whole = start('pipeline', options.pipeline, (block) => {
        const index = order.shift();
        if (index === undefined) throw new PipelineError('Apertium returned more translations than paragraphs sent.', '', null);
        deliver(index, block.toString('utf8'));
      }, () => delivered === blocks.length);
      for (const b of blocks) whole.send(b);
      whole.end();
      return;
    }

    // ---- Taggers: one current, one spare; a tagger that reported a new class is retired.
    interface Tagger {
      stage: Stage;
      inFlight: number[];
      narrowed: boolean;
    }
    const analysed = new Map<number, Buffer>();
    /** Indices waiting for a (fresh) tagger, lowest first. */
    const queue: number[] = [];
    let current: Tagger | null = null;
    let spare: Tagger | null = null;
    const taggers = new Set<Tagger>();

    const newTagger = (): Tagger => {
      const tagger: Tagger = { stage: null as unknown as Stage, inFlight: [], narrowed: false };
      tagger.stage = start('tagger', parts.tagger, (raw) => {
        const index = tagger.inFlight.shift();
        if (index === undefined) throw new PipelineError('The Apertium tagger returned more paragraphs than it was sent.', '', null);
        const { text, reported, words } = stripTaggerReports(raw.toString('utf8'));
        for (const w of words) knownNarrowing.add(w);
        if (tagger.narrowed) {
          // Tagged after the tagger's state changed: tag it again in a fresh one.
          insertSorted(queue, index);
        } else {
          analysed.delete(index);
          forward(index, text);
          if (reported) retire(tagger);
        }
        if (tagger.inFlight.length === 0 && tagger !== current) tagger.stage.end();
        pump();
      }, () => tagger.inFlight.length === 0);
      taggers.add(tagger);
      return tagger;
    };

    // ---- Paragraphs holding a word known to narrow the tagger: each through a fresh tagger of its
    // own, started by one shell loop. (A start from that small shell is cheap; a spawn from Node
    // forks Node and blocks its event loop, which starves the other stages.)
    let router: { stage: Stage; inFlight: number[] } | null = null;
    const routerScript = `while IFS= read -r -d '' block; do printf '%s\\0' "$block" | ${parts.tagger.replace(/^exec /, '')}; done`;
    const route = (index: number, block: Buffer): void => {
      if (!router) {
        const r = { stage: null as unknown as Stage, inFlight: [] as number[] };
        r.stage = start('routed tagger', routerScript, (raw) => {
          const at = r.inFlight.shift();
          if (at === undefined) throw new PipelineError('The Apertium tagger returned more paragraphs than it was sent.', '', null);
          const { text, words } = stripTaggerReports(raw.toString('utf8'));
          for (const w of words) knownNarrowing.add(w);
          analysed.delete(at);
          forward(at, text);
          pump();
        }, () => r.inFlight.length === 0);
        router = r;
      }
      stats.taggerRoutes++;
      router.inFlight.push(index);
      router.stage.send(block);
    };

    const retire = (tagger: Tagger): void => {
      tagger.narrowed = true;
      if (tagger !== current) return;
      stats.taggerRestarts++;
      current = spare ?? newTagger();
      spare = null;
      if (tagger.inFlight.length === 0) tagger.stage.end();
    };

    const pump = (): void => {
      if (settled) return;
      while (queue.length > 0) {
        if (!current) current = newTagger();
        if (current.inFlight.length >= window) break;
        const index = queue.shift()!;
        const block = analysed.get(index)!;
        if (knownNarrowing.size > 0 && holdsNarrowingWord(block.toString('utf8'), knownNarrowing)) {
          // A tagger of its own, used once: the shared one never narrows on this paragraph.
          route(index, block);
          continue;
        }
        current.inFlight.push(index);
        current.stage.send(block);
        // Keep a fresh tagger ready once there is more than one paragraph.
        if (!spare && blocks.length > 1) spare = newTagger();
      }
      const idle = [...taggers].every((t) => t.inFlight.length === 0) && (router?.inFlight.length ?? 0) === 0;
      if (preDone && queue.length === 0 && idle && analysedCount === blocks.length) {
        // Everything went through a tagger; nothing more will be sent to the taggers.
        for (const t of taggers) t.stage.end();
        router?.stage.end();
      }
    };

    // ---- Pre stages: the whole batch in one process.
    let analysedCount = 0;
    let preDone = false;
    const feed = (index: number, block: Buffer): void => {
      analysed.set(index, block);
      analysedCount++;
      insertSorted(queue, index);
      pump();
    };
    if (parts.pre) {
      let next = 0;
      const pre = start('analysis', parts.pre, (block) => {
        if (next >= blocks.length) throw new PipelineError('Apertium returned more paragraphs than it was sent.', '', null);
        feed(next++, block);
      }, () => next === blocks.length);
      for (const b of blocks) pre.send(b);
      pre.end();
      pre.child.on('close', () => {
        preDone = true;
        pump();
      });
    } else {
      blocks.forEach((b, i) => feed(i, Buffer.from(b, 'utf8')));
      preDone = true;
      pump();
    }
  });
}

function insertSorted(list: number[], value: number): void {
  let i = list.length;
  while (i > 0 && list[i - 1]! > value) i--;
  list.splice(i, 0, value);
}
