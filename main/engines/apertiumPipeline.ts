/**
 * Plumbing for Apertium's null-flush pipeline (`apertium-wblank-mode -z`): splitting it around its
 * part-of-speech tagger, the tagger's in-band reports, and one stage as a process group that takes
 * and gives NUL-terminated blocks. apertiumSession.ts runs the stages and schedules the tagging.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
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
  /** The tagger stage, with `-d` added and its stderr merged into its stdout. */
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
    tagger: `exec ${stages[at]!.replace(/^apertium-tagger/, 'apertium-tagger -d')} 2>&1`,
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

/** One bash process group running a part of the pipeline in null-flush mode. */
export class Stage {
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

  /** Keeps Node running while the stage has work (the default). */
  hold(): void {
    this.child.ref();
    for (const s of [this.child.stdin, this.child.stdout, this.child.stderr]) (s as unknown as Refable).ref?.();
  }

  /** Lets Node exit while the stage idles (it then ends on end-of-input when Node is gone). */
  release(): void {
    this.child.unref();
    for (const s of [this.child.stdin, this.child.stdout, this.child.stderr]) (s as unknown as Refable).unref?.();
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

export interface PipelineStats {
  processesSpawned: number;
  /** Taggers started. */
  taggersStarted: number;
  /** Sentences tagged again because they met a tagger in the wrong state (see apertiumSession.ts). */
  retagged: number;
}
