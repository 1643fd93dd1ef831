/**
 * Plumbing for Apertium's null-flush pipeline (`apertium-wblank-mode -z`): splitting it around its
 * part-of-speech tagger, the tagger's in-band reports, and one stage as a process group that takes
 * and gives NUL-terminated blocks. apertiumSession.ts runs the stages and schedules the tagging.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { ClassReport } from './apertiumTaggerState.js';

export const UTF8_ENV = { LC_ALL: 'C.UTF-8', LC_CTYPE: 'C.UTF-8' };
const NUL = Buffer.from([0]);
const STDERR_LIMIT = 4000;

/** The tagger's report of an ambiguity class missing from its model (apertium-tagger -d). */
const NEW_CLASS_REPORT =
  /Error: A new ambiguity class was found\. \nRetraining the tagger is necessary so as to take it into account\.\nWord '([^\n]*)'\.\nNew ambiguity class: (\{[^\n]*\})\n/g;
/**
 * Its other messages under `-d` while tagging (apertium/hmm.cc, tagger_word.cc, morpho_stream.cc):
 * a word whose every path has probability 0, and a fine tag with no coarse tag in the tagset.
 */
const OTHER_REPORTS =
  /Problem with word '[^\n]*' [^\n]*\n|Warning: There is not coarse tag for the fine tag '[^\n]*'\n[ \t]*This is because of an incomplete tagset definition or a dictionary error\n/g;

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
  /** The tagger's command, with `-d` added (its stderr is to be merged into its stdout). */
  tagger: string;
  /** Stages after the tagger (null when it is the last). */
  post: string | null;
  /** 'hmm' for the HMM tagger (the default), whose state is understood; 'other' otherwise. */
  model: 'hmm' | 'other';
}

/** The pipeline split around its `apertium-tagger` stage; null when it has none (no split needed). */
export function splitAtTagger(pipeline: string): PipelineParts | null {
  const stages = splitStages(pipeline);
  const at = stages.findIndex((s) => /^apertium-tagger(?:\s|$)/.test(s));
  if (at < 0) return null;
  const join = (parts: string[]): string | null => (parts.length > 0 ? parts.join(' | ') : null);
  return {
    pre: join(stages.slice(0, at)),
    tagger: stages[at]!.replace(/^apertium-tagger/, 'apertium-tagger -d'),
    post: join(stages.slice(at + 1)),
    model: /\s(?:--sliding-window|-w|--perceptron|-x|--unigram(?:=\S*)?|-u)(?=\s|$)/.test(stages[at]!) ? 'other' : 'hmm',
  };
}

/** Removes the tagger's reports from one output block, and returns them (in order). */
export function stripTaggerReports(block: string): { text: string; reports: ClassReport[] } {
  const reports: ClassReport[] = [];
  const text = block
    .replace(NEW_CLASS_REPORT, (_report, word: string, cls: string) => {
      reports.push({ word, cls });
      return '';
    })
    .replace(OTHER_REPORTS, '');
  return { text, reports };
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

interface Refable {
  ref?(): void;
  unref?(): void;
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

/** A running process a stage talks to: blocks go into `input`, come out of `output`. */
export interface StageProcess {
  readonly input: Writable;
  readonly output: Readable;
  /** Its stderr, when it is not merged into `output`. */
  readonly errors: Readable | null;
  ref(): void;
  unref(): void;
  kill(): void;
  /** Called once, when it has ended and its output is closed. */
  onExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  onError(listener: (err: Error) => void): void;
}

const SHELL_ARGS = (shell: string): string[] => [
  shell,
  // `$1` = -g keeps the unknown-word marks, `$2` = tagger option (none).
  '-g',
  '',
];

function refAll(streams: readonly unknown[], how: 'ref' | 'unref'): void {
  for (const s of streams) (s as Refable | null)?.[how]?.();
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // Detached: its own process group, so this stops every process of the stage.
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** A shell running `script`, spawned by Node, in its own process group. */
export function spawnStageProcess(shell: 'bash' | 'sh', script: string): StageProcess {
  const child = spawn(shell, ['-c', script, ...SHELL_ARGS(shell)], {
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...UTF8_ENV },
  });
  return {
    input: child.stdin,
    output: child.stdout,
    errors: child.stderr,
    ref: () => {
      child.ref();
      refAll(child.stdio, 'ref');
    },
    unref: () => {
      child.unref();
      refAll(child.stdio, 'unref');
    },
    kill: () => killGroup(child),
    onExit: (listener) => child.on('close', listener),
    onError: (listener) => child.on('error', listener),
  };
}

/**
 * Starts taggers from one shell that Node spawns once, each on a socket Node already holds: a
 * spawn from Node forks the whole Node process and blocks its event loop for several ms; the
 * shell forks in well under one. The shell holds `slots` sockets (its fds 3, 4, …); a tagger
 * started on one reads and writes it (stderr merged), and its exit code comes back on the
 * shell's stdout. `launch()` returns null when every slot is used.
 */
export class TaggerLauncher {
  private readonly child: ChildProcess;
  private next = 0;
  private lines = '';
  private readonly exits = new Map<number, (code: number | null) => void>();
  private ended = false;

  constructor(
    command: string,
    private readonly slots: number,
    onFailure: (err: Error) => void,
  ) {
    // Each tagger keeps only its own socket (closing the other slots' ends it inherited), so its
    // socket closes when it exits; the launcher closes its copy once the tagger has it.
    const last = 2 + slots;
    const script =
      `while IFS= read -r fd; do (` +
      ` for ((f = 3; f <= ${last}; f++)); do [ "$f" = "$fd" ] || eval "exec $f>&-"; done;` +
      ` ${command} <&"$fd" >&"$fd" 2>&1; printf 'exit %s %s\\n' "$fd" "$?"` +
      ` ) & eval "exec $fd>&-"; done`;
    this.child = spawn('bash', ['-c', script, ...SHELL_ARGS('bash')], {
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe', ...Array.from({ length: slots }, () => 'pipe' as const)],
      env: { ...process.env, ...UTF8_ENV },
    });
    this.child.on('error', onFailure);
    this.child.stdin!.on('error', () => {
      // EPIPE when it died; its exit says so.
    });
    this.child.stdout!.setEncoding('utf8');
    this.child.stdout!.on('data', (chunk: string) => {
      this.lines += chunk;
      let nl: number;
      while ((nl = this.lines.indexOf('\n')) !== -1) {
        const m = /^exit (\d+) (\d+)$/.exec(this.lines.slice(0, nl));
        this.lines = this.lines.slice(nl + 1);
        if (m) this.exits.get(Number(m[1]))?.(Number(m[2]));
      }
    });
    this.child.on('close', (code, signal) => {
      this.ended = true;
      // Taggers whose exit was not reported: gone with the launcher.
      for (const report of this.exits.values()) report(null);
      if (code !== 0 && !this.closing)
        onFailure(
          new PipelineError(`Apertium's tagger launcher ${signal ? `was stopped by ${signal}` : `exited with code ${code}`}.`, '', code),
        );
    });
  }

  private closing = false;

  get usable(): boolean {
    return !this.ended && !this.closing && this.next < this.slots;
  }

  /** True until it has exited. */
  get running(): boolean {
    return !this.ended;
  }

  ref(): void {
    this.child.ref();
    refAll([this.child.stdin, this.child.stdout, this.child.stderr], 'ref');
  }

  unref(): void {
    this.child.unref();
    refAll([this.child.stdin, this.child.stdout, this.child.stderr], 'unref');
  }

  launch(): StageProcess | null {
    if (!this.usable) return null;
    const fd = 3 + this.next++;
    const socket = this.child.stdio[fd] as unknown as Readable & Writable;
    const listeners: ((code: number | null, signal: NodeJS.Signals | null) => void)[] = [];
    let code: number | null | undefined;
    let socketClosed = false;
    const settle = (): void => {
      if (code === undefined || !socketClosed) return;
      this.exits.delete(fd);
      for (const l of listeners.splice(0)) l(code, null);
    };
    this.exits.set(fd, (c) => {
      code = c;
      if (this.ended) socketClosed = true;
      settle();
    });
    socket.on('close', () => {
      socketClosed = true;
      settle();
      // Its exit code comes from the launcher; should that line never come, it ended all the same.
      if (code === undefined) {
        setTimeout(() => {
          if (code !== undefined) return;
          code = null;
          settle();
        }, 500).unref();
      }
    });
    this.child.stdin!.write(`${fd}\n`);
    return {
      input: socket,
      output: socket,
      errors: null,
      ref: () => refAll([socket], 'ref'),
      unref: () => refAll([socket], 'unref'),
      // One tagger cannot be stopped alone: a kill stops the launcher's whole group.
      kill: () => this.kill(),
      onExit: (listener) => listeners.push(listener),
      onError: () => undefined,
    };
  }

  /** No more taggers; the running ones end when their input ends. */
  close(): void {
    this.closing = true;
    if (!this.child.stdin!.writableEnded) this.child.stdin!.end();
  }

  kill(): void {
    this.closing = true;
    killGroup(this.child);
  }
}

/** One part of the pipeline in null-flush mode: NUL-terminated blocks in and out. */
export class Stage {
  private readonly blocks = new NulBlocks();
  stderr = '';
  closed = false;

  constructor(
    readonly label: string,
    readonly process: StageProcess,
    private readonly onBlock: (block: Buffer) => void,
    private readonly onClose: (stage: Stage, code: number | null, signal: NodeJS.Signals | null) => void,
    private readonly onError: (err: Error) => void,
  ) {
    process.onError((err) => this.onError(err));
    if (process.errors) {
      process.errors.setEncoding('utf8');
      process.errors.on('data', (chunk: string) => {
        if (this.stderr.length < STDERR_LIMIT) this.stderr += chunk;
      });
    }
    process.output.on('data', (chunk: Buffer) => {
      this.blocks.push(chunk, (block) => {
        // Empty blocks are extra flushes at the end of the stream; a paragraph is never empty
        // (deformatting adds a sentence end).
        if (block.length > 0) this.onBlock(block);
      });
    });
    process.onExit((code, signal) => {
      this.closed = true;
      this.onClose(this, code, signal);
    });
    process.input.on('error', () => {
      // EPIPE when the stage dies early; its exit reports the failure.
    });
  }

  /** Queued writes, sent together at the end of the current tick (one write call, not two per block). */
  private queued: Buffer[] = [];

  send(block: Buffer | string): void {
    if (this.queued.length === 0) setImmediate(() => this.flush());
    this.queued.push(typeof block === 'string' ? Buffer.from(block, 'utf8') : block, NUL);
  }

  private flush(): void {
    if (this.queued.length === 0 || this.process.input.writableEnded) return;
    const data = Buffer.concat(this.queued);
    this.queued = [];
    this.process.input.write(data);
  }

  end(): void {
    this.flush();
    if (!this.process.input.writableEnded) this.process.input.end();
  }

  /** What it printed after its last block: a paragraph cut short, or (merged stderr) a message. */
  leftover(): string {
    return this.blocks.rest();
  }

  /** Keeps Node running while the stage has work (the default). */
  hold(): void {
    this.process.ref();
  }

  /** Lets Node exit while the stage idles (it then ends on end-of-input when Node is gone). */
  release(): void {
    this.process.unref();
  }

  kill(): void {
    if (!this.closed) this.process.kill();
  }
}

export interface PipelineStats {
  processesSpawned: number;
  /** Taggers started. */
  taggersStarted: number;
  /** Sentences tagged again because they met a tagger in the wrong state (see apertiumSession.ts). */
  retagged: number;
}
