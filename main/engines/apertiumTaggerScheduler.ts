/**
 * Which tagger tags what: the routing of apertiumSession.ts. Each analysed paragraph goes (whole,
 * or sentence by sentence when it holds a word of a class the tagger's model lacks) to a tagger
 * whose state tags it exactly as a fresh tagger would (apertiumTaggerState.ts): any tagger when it
 * has no unknown word and no such word; a pristine tagger when its first such word is unknown; a
 * pristine tagger or one narrowed only by that class when its first such word is of a class the
 * model lacks. The taggers run with `-d`, which reports those words in-band; the words are
 * remembered (`knownNarrowing`) so later paragraphs route right the first time. Every result is
 * checked against the reports before it is used: a unit that met a tagger in the wrong state is
 * tagged again, so routing can cost time, never a different translation. A paragraph's tagged
 * parts are joined and handed on. A new tagger is started only when no running one can take a
 * unit. For a tagger other than the HMM one, whose state was not studied, paragraphs are not cut,
 * and only a pristine tagger is trusted with anything.
 */
import { PipelineError, stripTaggerReports, type PipelineStats, type Stage } from './apertiumPipeline.js';
import {
  advance,
  analysedUnits,
  equivalent,
  depsOf,
  MIXED,
  PRISTINE,
  reportedDeps,
  sameState,
  UNKNOWN,
  type AnalysedUnit,
  type TaggerState,
} from './apertiumTaggerState.js';

/** What the scheduler needs from the session that runs it. */
export interface SchedulerIo {
  /** A batch is running (nothing is sent otherwise). */
  active(): boolean;
  /** Starts a tagger whose output blocks go to `onBlock`. */
  startTagger(onBlock: (block: Buffer) => void): Stage;
  /** Ends a tagger that is not needed any more (its exit is no failure). */
  retire(stage: Stage): void;
  /** A paragraph's tagged text, for the stages after the tagger. */
  forward(index: number, tagged: string): void;
}

export interface SchedulerOptions {
  /** False for a tagger other than the HMM one. */
  hmm: boolean;
  stats: PipelineStats;
  knownNarrowing: Map<string, string>;
  /** Units in flight per tagger. */
  window: number;
}

/** Taggers kept between batches at most (pristine ones first). */
const IDLE_TAGGERS = 8;
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
  /** The state it meets within its paragraph, as predicted (pristine for the first unit). */
  entry: TaggerState;
  /** Once tagged: the tagger's state before it, the deps met (null: reports not matched) and the text. */
  stateBefore?: TaggerState;
  met?: string[] | null;
  output?: string;
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

export class TaggerScheduler {
  private readonly hmm: boolean;
  private readonly stats: PipelineStats;
  private readonly knownNarrowing: Map<string, string>;
  private readonly window: number;
  private readonly taggers: Tagger[] = [];
  /** Units waiting for a tagger, in paragraph order. */
  private readonly queue: Unit[] = [];
  /** The units of each paragraph still being tagged. */
  private readonly tagged = new Map<number, { units: Unit[]; missing: number }>();
  /** Bumped whenever knownNarrowing learns a word or a new class for one. */
  private knownVersion = 0;

  constructor(
    private readonly io: SchedulerIo,
    options: SchedulerOptions,
  ) {
    this.hmm = options.hmm;
    this.stats = options.stats;
    this.knownNarrowing = options.knownNarrowing;
    this.window = options.window;
  }

  /** Queues an analysed paragraph for tagging. */
  add(index: number, analysed: string): void {
    if (this.hmm) this.enqueueParagraph(index, analysedUnits(analysed), true);
    else this.enqueueParagraph(index, [{ text: analysed, words: analysedUnits(analysed).flatMap((u) => u.words) }], false);
    this.pump();
  }

  /** A tagger in `state` tags the unit as a tagger in `entry` would. */
  private fits(state: TaggerState, entry: TaggerState, deps: readonly string[]): boolean {
    if (this.hmm) return equivalent(state, entry, deps);
    // Another tagger's state was not studied: only a pristine one is trusted.
    return state.kind === 'pristine' && entry.kind === 'pristine';
  }

  private after(state: TaggerState, deps: readonly string[]): TaggerState {
    if (this.hmm) return advance(state, deps);
    return deps.some((d) => d !== UNKNOWN) ? MIXED : state;
  }

  private newTagger(): Tagger {
    const tagger: Tagger = { stage: null as unknown as Stage, inFlight: [], state: PRISTINE, predicted: PRISTINE, retired: false };
    tagger.stage = this.io.startTagger((raw) => {
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
    // The deps the tagger really met (its reports do not depend on its state); null when they
    // cannot be matched to the unit's words.
    const met = reportedDeps(unit.words, reports);
    unit.stateBefore = tagger.state;
    unit.met = met;
    unit.output = text;
    tagger.state = met === null ? MIXED : this.after(tagger.state, met);
    tagger.predicted = tagger.inFlight.reduce((state, u) => this.after(state, u.deps), tagger.state);
    const entry = this.tagged.get(unit.paragraph)!;
    if (--entry.missing === 0) this.settle(unit.paragraph, entry.units);
    this.pump();
  }

  /**
   * A paragraph whose units are all tagged: its text goes on when every unit met a tagger that
   * tags it as the paragraph's own fresh tagger would (checked with the deps really met); else it
   * is tagged again.
   */
  private settle(paragraph: number, units: Unit[]): void {
    let entry: TaggerState = PRISTINE;
    let ok = true;
    for (const u of units) {
      const before = u.stateBefore!;
      if (u.met === null || u.met === undefined) {
        // Where its deps are is not known: only the very state of a fresh tagger will do.
        ok = before.kind === 'pristine' && entry.kind === 'pristine';
        entry = MIXED;
      } else {
        ok = this.fits(before, entry, u.met);
        entry = this.after(entry, u.met);
      }
      if (!ok) break;
    }
    if (ok) {
      this.tagged.delete(paragraph);
      this.io.forward(paragraph, units.map((u) => u.output!).join(''));
      return;
    }
    this.stats.retagged++;
    const [only] = units;
    if (units.length === 1 && only) {
      if (only.sentences && only.met) {
        // It holds a word of a class the model lacks after all: sentence by sentence now.
        this.enqueueParagraph(paragraph, only.sentences, false);
        return;
      }
      only.retries++;
      // Never more than a few tries: then a pristine tagger, which is always right.
      if (only.met === null || only.retries > 2) only.pristineOnly = true;
      this.requeue(paragraph, [only]);
      return;
    }
    // Sentence by sentence did not work out: the whole paragraph, by a pristine tagger.
    const whole = this.unit(
      paragraph,
      0,
      { text: units.map((u) => u.text).join(''), words: units.flatMap((u) => u.words) },
      PRISTINE,
      null,
    );
    whole.pristineOnly = true;
    this.requeue(paragraph, [whole]);
  }

  private requeue(paragraph: number, units: Unit[]): void {
    for (const u of units) {
      delete u.stateBefore;
      delete u.met;
      delete u.output;
    }
    this.tagged.set(paragraph, { units, missing: units.length });
    for (const u of units) this.enqueue(u);
  }

  /** A unit; `deps` when they were just worked out from the known words (else they will be). */
  private unit(
    paragraph: number,
    at: number,
    u: AnalysedUnit,
    entry: TaggerState,
    sentences: AnalysedUnit[] | null,
    deps?: string[],
  ): Unit {
    const known = deps !== undefined;
    return {
      paragraph,
      at,
      text: u.text,
      words: u.words,
      deps: deps ?? [],
      depsVersion: known ? this.knownVersion : -1,
      retries: 0,
      pristineOnly: false,
      sentences,
      entry,
    };
  }

  /**
   * Queues a paragraph's sentences: one by one when a known word of a class the model lacks is
   * among them (they may need taggers in different states), else as one unit. One by one, each
   * sentence must meet the state the sentences before it leave; when that state is not known
   * exactly (two classes) and a sentence depends on it, the paragraph goes as one unit.
   */
  private enqueueParagraph(paragraph: number, sentences: AnalysedUnit[], mayMerge: boolean): void {
    const deps = sentences.map((u) => depsOf(u.words, this.knownNarrowing));
    const entries: TaggerState[] = [];
    let state: TaggerState = PRISTINE;
    for (const d of deps) {
      entries.push(state);
      state = this.after(state, d);
    }
    const hasClass = deps.some((d) => d.some((x) => x !== UNKNOWN));
    const unknowable = deps.some((d, k) => d.length > 0 && entries[k]!.kind === 'mixed');
    const whole = sentences.length > 1 && ((mayMerge && !hasClass) || unknowable);
    const units = whole
      ? [
          this.unit(
            paragraph,
            0,
            { text: sentences.map((u) => u.text).join(''), words: sentences.flatMap((u) => u.words) },
            PRISTINE,
            mayMerge && !hasClass ? sentences : null,
            deps.flat(),
          ),
        ]
      : sentences.map((u, k) => this.unit(paragraph, k, u, entries[k]!, null, deps[k]));
    this.tagged.set(paragraph, { units, missing: units.length });
    for (const u of units) this.enqueue(u);
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
  private choose(unit: Unit): Tagger | undefined | null {
    let best: Tagger | undefined;
    let anyFits = false;
    for (const t of this.taggers) {
      if (t.retired || t.stage.closed) continue;
      if (unit.pristineOnly ? t.predicted.kind !== 'pristine' : !this.fits(t.predicted, unit.entry, unit.deps)) continue;
      anyFits = true;
      if (t.inFlight.length >= this.window) continue;
      const r = TaggerScheduler.rank(t.predicted);
      const rb = best ? TaggerScheduler.rank(best.predicted) : Infinity;
      if (!best || r < rb || (r === rb && t.inFlight.length < best.inFlight.length)) best = t;
    }
    return best ?? (anyFits ? undefined : null);
  }

  /** Sends waiting units to taggers (and starts taggers) while a batch runs. */
  pump(): void {
    if (!this.io.active()) return;
    const q = this.queue;
    let looked = 0;
    /** Paragraphs with a unit that must wait: their later units wait too (they may need the state it leaves). */
    const waiting = new Set<number>();
    for (let i = 0; i < q.length && looked < LOOKAHEAD; looked++) {
      const unit = q[i]!;
      if (waiting.has(unit.paragraph)) {
        i++;
        continue;
      }
      if (unit.depsVersion !== this.knownVersion) {
        unit.deps = depsOf(unit.words, this.knownNarrowing);
        unit.depsVersion = this.knownVersion;
      }
      let tagger = this.choose(unit);
      if (tagger === undefined) {
        waiting.add(unit.paragraph);
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
    this.io.retire(t.stage);
    this.taggers.splice(this.taggers.indexOf(t), 1);
  }

  /** Between batches: at most IDLE_TAGGERS taggers, pristine ones kept first. */
  trim(): void {
    const byUse = [...this.taggers].sort((a, b) => TaggerScheduler.rank(b.state) - TaggerScheduler.rank(a.state));
    for (const t of byUse.slice(IDLE_TAGGERS)) this.retire(t);
  }
}
